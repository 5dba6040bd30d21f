/**
 * The words of one sentence as score-neutrality's passes read them: each
 * word's id in the term index, the terms it may start, the suffix rule it
 * fits and whether it holds a digit, worked out in one pass over its
 * characters. Parallel arrays, reused from sentence to sentence, so a plain
 * word costs no allocation at all.
 */
import type {Position} from 'unist'
import {
  foldCode,
  hashStart,
  hashStep,
  noList,
  unknownWord,
  type WordIndex,
} from './neutrality-index.js'
import type {SuffixRule} from './neutrality-lexicon.js'

/** Lower case, curly apostrophes straight: the form terms are stored in. */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase()
  return lower.includes('\u2019') ? lower.replaceAll('\u2019', "'") : lower
}

/** The tables a sentence's words are read against. */
export interface WordTables {
  readonly index: WordIndex
  readonly suffixes: readonly SuffixRule[]
}

const lowerS = 0x73
const apostrophe = 0x27

/**
 * The words of one sentence, as the passes see them. Fields are parallel
 * arrays indexed by word; only the first `length` entries are current.
 */
export class SentenceWords {
  /** Words of the current sentence. */
  length = 0
  /** Id of the word in the term index (`unknownWord`: in no term). */
  ids = new Int32Array(64)
  places: (Position | undefined)[] = []
  /** The index's list of curated terms starting with the word (or with it less a possessive `'s`); `noList`: none. */
  curated = new Int32Array(64)
  /** The index's list of package terms starting with the word (or with it less a possessive `'s`); `noList`: none. */
  packaged = new Int32Array(64)
  /** The first suffix rule the word fits, capitals aside (they depend on where it stands). */
  readonly suffix: (SuffixRule | undefined)[] = []
  /** 1: inside a direct quotation. */
  quoted = new Uint8Array(64)
  /** 1: punctuation (not just space) separates the word from the previous one. */
  gapBefore = new Uint8Array(64)
  /** 1: the first character is a capital (a name, or a sentence-initial word). */
  capitalised = new Uint8Array(64)
  /** 1: the word holds a digit. */
  digit = new Uint8Array(64)
  /** 1: an earlier pass (or term) took the word; the passes set it. */
  covered = new Uint8Array(64)

  /** Words of the current sentence that start a curated term, fit a suffix rule, hold a digit, start a package term: a pass with none is skipped. */
  readonly hits = {curated: 0, suffix: 0, digit: 0, packaged: 0}

  /**
   * Start a new document. The positions of its words are young objects: an
   * array made now is young too, where the one kept from earlier documents
   * is old, and each store of a young object into an old array is remembered
   * by the collector.
   */
  startDocument(): void {
    this.places = []
  }

  /** Start a new sentence. */
  clear(): void {
    this.length = 0
    this.hits.curated = 0
    this.hits.suffix = 0
    this.hits.digit = 0
    this.hits.packaged = 0
  }

  /** Read one more word, `text` as written. */
  add(
    text: string,
    place: Position | undefined,
    quoted: boolean,
    gapBefore: boolean,
    tables: WordTables,
  ): void {
    const at = this.length
    if (at === this.covered.length) this.grow()
    // One pass: the folded hash (and the hash less the last two characters, for a
    // possessive), digits, and whether folding alone gives the normalised form.
    let word = text
    let length = text.length
    let hash = hashStart
    let bare = hashStart
    let digit = false
    let plain = true
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index)
      if (code >= 0x30 && code <= 0x39) digit = true
      else if (code > 0x7f && code !== 0x2019) plain = false
      if (index === length - 2) bare = hash
      hash = hashStep(hash, foldCode(code))
    }
    if (!plain) {
      // Beyond ASCII, lower-casing can change more than capitals (even the length): do it exactly.
      word = normaliseWord(text)
      length = word.length
      hash = hashStart
      for (let index = 0; index < length; index++) {
        if (index === length - 2) bare = hash
        hash = hashStep(hash, word.charCodeAt(index))
      }
    }
    const {index} = tables
    const {slots} = index
    // A found word's slot holds its id and its lists of terms, side by side.
    const slot = index.findSlot(word, length, hash)
    const id = slot < 0 ? unknownWord : (slots[slot + 1] as number)
    let curated = slot < 0 ? noList : (slots[slot + 2] as number)
    let packaged = slot < 0 ? noList : (slots[slot + 3] as number)
    // A possessive starts the terms of its word (`regime's`), when the whole form starts none.
    if (
      (curated === noList || packaged === noList) &&
      length > 2 &&
      foldCode(word.charCodeAt(length - 1)) === lowerS &&
      foldCode(word.charCodeAt(length - 2)) === apostrophe
    ) {
      const bareSlot = index.findSlot(word, length - 2, bare)
      if (bareSlot >= 0) {
        if (curated === noList) curated = slots[bareSlot + 2] as number
        if (packaged === noList) packaged = slots[bareSlot + 3] as number
      }
    }
    this.ids[at] = id
    this.places[at] = place
    this.curated[at] = curated
    this.packaged[at] = packaged
    const suffix =
      tables.suffixes.length === 0
        ? undefined
        : plain
          ? fittingSuffixFolded(text, tables.suffixes)
          : fittingSuffix(text, tables.suffixes)
    this.suffix[at] = suffix
    const {hits} = this
    if (curated !== noList) hits.curated++
    if (suffix !== undefined) hits.suffix++
    if (digit) hits.digit++
    if (packaged !== noList) hits.packaged++
    this.quoted[at] = quoted ? 1 : 0
    this.gapBefore[at] = gapBefore ? 1 : 0
    this.capitalised[at] = isCapital(text) ? 1 : 0
    this.digit[at] = digit ? 1 : 0
    // Cleared here, where the word's other fields are written, rather than in a pass of its own.
    this.covered[at] = 0
    this.length = at + 1
  }

  private grow(): void {
    const size = this.covered.length * 2
    const widen = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from)
      return to
    }
    this.ids = widen(this.ids, new Int32Array(size))
    this.curated = widen(this.curated, new Int32Array(size))
    this.packaged = widen(this.packaged, new Int32Array(size))
    this.quoted = widen(this.quoted, new Uint8Array(size))
    this.gapBefore = widen(this.gapBefore, new Uint8Array(size))
    this.capitalised = widen(this.capitalised, new Uint8Array(size))
    this.digit = widen(this.digit, new Uint8Array(size))
    this.covered = new Uint8Array(size)
  }
}

/** The first suffix rule `text` fits, judged on its normalised form (built only for a likely fit). */
function fittingSuffix(text: string, rules: readonly SuffixRule[]): SuffixRule | undefined {
  const last = text.charCodeAt(text.length - 1)
  for (const rule of rules) {
    // Folding keeps ASCII letters' identity, so a last letter that differs rules the suffix out.
    const end = rule.suffix.charCodeAt(rule.suffix.length - 1)
    if (last < 0x80 && rule.suffix !== '' && foldCode(last) !== end) continue
    const norm = normaliseWord(text)
    if (norm.length >= rule.minLength && norm.endsWith(rule.suffix) && !rule.exceptions.has(norm))
      return rule
  }
  return undefined
}

/**
 * {@link fittingSuffix} for a word that folding alone normalises (ASCII and
 * curly apostrophes): the ending and the length are read off the text as it
 * is, and the normalised form is built only for a word that has the ending.
 */
function fittingSuffixFolded(text: string, rules: readonly SuffixRule[]): SuffixRule | undefined {
  const length = text.length
  for (const rule of rules) {
    const {suffix} = rule
    if (length < rule.minLength || length < suffix.length) continue
    let at = suffix.length
    const shift = length - at
    while (at > 0 && foldCode(text.charCodeAt(shift + at - 1)) === suffix.charCodeAt(at - 1)) at--
    if (at === 0 && !rule.exceptions.has(normaliseWord(text))) return rule
  }
  return undefined
}

/** The first character changes in lower case: a capital. */
function isCapital(text: string): boolean {
  const first = text.charCodeAt(0)
  if (first < 0x80) return first >= 0x41 && first <= 0x5a
  const character = text.charAt(0)
  return character !== character.toLowerCase()
}
