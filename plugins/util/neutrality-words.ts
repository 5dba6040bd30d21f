/**
 * The words of one sentence as score-neutrality's passes read them: each
 * word's normalised form, the table terms it may start, the suffix rule it
 * fits and whether it holds a digit, worked out once as the word is read.
 * Parallel arrays, reused from sentence to sentence, so a word costs one
 * look-up in a merged index and no allocation (unless it has capitals).
 */
import type {Position} from 'unist'
import type {PhraseTable, SuffixRule} from './neutrality-lexicon.js'

/** The terms of a table that start with one word, longest first. */
export type Candidates = NonNullable<ReturnType<PhraseTable['get']>>

/** Both tables' terms starting with one word. */
export interface IndexEntry {
  readonly curated?: Candidates | undefined
  readonly packaged?: Candidates | undefined
}

/** The first words of the curated and package terms, in one map: one look-up a word. */
export type WordIndex = ReadonlyMap<string, IndexEntry>

/** Merge the first-word keys of the two tables. */
export function buildIndex(curated: PhraseTable, packaged: PhraseTable): WordIndex {
  const index = new Map<string, IndexEntry>()
  for (const [word, candidates] of curated) index.set(word, {curated: candidates})
  for (const [word, candidates] of packaged)
    index.set(word, {curated: index.get(word)?.curated, packaged: candidates})
  return index
}

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

/**
 * The words of one sentence, as the passes see them. Fields are parallel
 * arrays indexed by word; only the first `length` entries are current.
 */
export class SentenceWords {
  /** Words of the current sentence. */
  length = 0
  /** Lower case, curly apostrophes straight. */
  readonly norm: string[] = []
  readonly places: (Position | undefined)[] = []
  /** Curated terms starting with the word (or with it less a possessive `'s`). */
  readonly curated: (Candidates | undefined)[] = []
  /** Package terms starting with the word (or with it less a possessive `'s`). */
  readonly packaged: (Candidates | undefined)[] = []
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

  /** Start a new sentence. */
  clear(): void {
    this.length = 0
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
    const norm = normaliseWord(text)
    const first = text.charAt(0)
    const entry = tables.index.get(norm)
    let curated = entry?.curated
    let packaged = entry?.packaged
    // A possessive starts the terms of its word (`regime's`), when the whole form starts none.
    if ((curated === undefined || packaged === undefined) && norm.endsWith("'s")) {
      const bare = tables.index.get(norm.slice(0, -2))
      curated ??= bare?.curated
      packaged ??= bare?.packaged
    }
    this.norm[at] = norm
    this.places[at] = place
    this.curated[at] = curated
    this.packaged[at] = packaged
    this.suffix[at] = fittingSuffix(norm, tables.suffixes)
    this.quoted[at] = quoted ? 1 : 0
    this.gapBefore[at] = gapBefore ? 1 : 0
    this.capitalised[at] = first !== first.toLowerCase() ? 1 : 0
    this.digit[at] = hasDigit(norm) ? 1 : 0
    this.length = at + 1
  }

  private grow(): void {
    const size = this.covered.length * 2
    const widen = (from: Uint8Array) => {
      const to = new Uint8Array(size)
      to.set(from)
      return to
    }
    this.quoted = widen(this.quoted)
    this.gapBefore = widen(this.gapBefore)
    this.capitalised = widen(this.capitalised)
    this.digit = widen(this.digit)
    this.covered = new Uint8Array(size)
  }
}

function fittingSuffix(norm: string, rules: readonly SuffixRule[]): SuffixRule | undefined {
  for (const rule of rules) {
    if (norm.length >= rule.minLength && norm.endsWith(rule.suffix) && !rule.exceptions.has(norm))
      return rule
  }
  return undefined
}

/** Holds an ASCII digit (what `\d` matches). */
function hasDigit(norm: string): boolean {
  for (let at = 0; at < norm.length; at++) {
    const code = norm.charCodeAt(at)
    if (code >= 0x30 && code <= 0x39) return true
  }
  return false
}
