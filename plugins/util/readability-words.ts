/**
 * What the readability formulas need to know of one word: its syllables,
 * letters, and whether each formula calls it hard. Every rule here follows
 * the formula's published counting instructions, cited per function.
 */
import {daleChall} from 'dale-chall'
import {spache} from 'spache'
import {cellsPerSlot, factCell, WordMemo} from './readability-memo.js'
import {voteBitsOf} from './readability-vote-words.js'
import {countSyllables} from './syllables.js'

const daleChallWords = new Set(daleChall)
const spacheWords = new Set(spache)

/** One word as the formulas count it. */
export interface WordFacts {
  /** Has a letter or a figure: only such words are counted. */
  countable: boolean
  syllables: number
  /** Letters (`\p{L}`), for Coleman–Liau. */
  letters: number
  /** Letters and digits, for the Automated Readability Index. */
  characters: number
  /** Three syllables or more (SMOG's polysyllables). */
  polysyllabic: boolean
  /** Gunning's "hard words": polysyllabic, but not names, compounds or `-es`/`-ed`/`-ing` forms. */
  complex: boolean
  /** Seven letters or more. */
  long: boolean
  /** Not familiar by the New Dale–Chall list and rules. */
  difficult: boolean
  /** Not familiar by the Spache list and rules. */
  unfamiliar: boolean
  /** The lower-case form, to count Spache's unfamiliar words once each. */
  key: string
}

// Regular inflections and derivations the list rules accept as familiar:
// plurals, possessives, -ed, -ing, -er, -est, -ly (Chall & Dale 1995, "Readability
// Revisited", counting rules; Spache 1953/1974 rules are the same for these).
function stemsOf(lower: string): string[] {
  const stems: string[] = []
  const add = (stem: string): void => {
    if (stem.length >= 2) stems.push(stem)
  }
  if (lower.endsWith("'s")) add(lower.slice(0, -2))
  if (lower.endsWith('ies') || lower.endsWith('ied')) add(`${lower.slice(0, -3)}y`)
  if (lower.endsWith('ier')) add(`${lower.slice(0, -3)}y`)
  if (lower.endsWith('iest')) add(`${lower.slice(0, -4)}y`)
  if (lower.endsWith('ily')) add(`${lower.slice(0, -3)}y`)
  for (const suffix of ['s', 'es', 'ed', 'd', 'ing', 'er', 'est', 'ly']) {
    if (!lower.endsWith(suffix)) continue
    const stem = lower.slice(0, -suffix.length)
    add(stem)
    if (suffix === 'ing' || suffix === 'ed' || suffix === 'er' || suffix === 'est') {
      add(`${stem}e`)
      // `stopped`, `running`: a doubled final consonant.
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) add(stem.slice(0, -1))
    }
  }
  return stems
}

function isListed(list: ReadonlySet<string>, lower: string): boolean {
  if (list.has(lower)) return true
  for (const stem of stemsOf(lower)) if (list.has(stem)) return true
  return false
}

const digitPattern = /\p{N}/u
const letterPattern = /\p{L}/gu
const digitsPattern = /\p{N}/gu
const upperStart = /^\p{Lu}/u

/** Bits of the flags of `WordTable#facts`, one a yes-or-no fact of `WordFacts`. */
export const wordFlag = {
  countable: 1,
  polysyllabic: 2,
  complex: 4,
  long: 8,
  difficult: 16,
  unfamiliar: 32,
} as const

// Names of persons and places count as familiar (Dale–Chall and Spache rules)
// and are never Gunning's hard words: what a capital inside a sentence takes away.
const nameless = wordFlag.complex | wordFlag.difficult | wordFlag.unfamiliar

/**
 * Where each fact of a slot is in `WordTable#facts`: at `slot * factStride`
 * plus its place here.
 */
export const factAt = {
  syllables: factCell,
  letters: factCell + 1,
  characters: factCell + 2,
  /**
   * Bits: `wordFlag`s of the word inside a sentence (bits 0–7), of the word
   * opening one (`openingShift`), and retext-readability's `voteBit`s
   * (`voteShift`).
   */
  flags: factCell + 3,
  /** The number of the word's `key` (`WordTable#keyOf`), the same for every word of one key. */
  key: factCell + 4,
} as const

/** Numbers a slot takes in `WordTable#facts`. */
export const factStride = cellsPerSlot
/** Shift of the `wordFlag`s of a word opening a sentence. */
export const openingShift = 8
/** Shift of retext-readability's `voteBit`s. */
export const voteShift = 16

/**
 * The facts of every word met so far, one slot a word. A slot holds what both
 * readability analysers read of the word: copydesk's facts (for the word
 * inside a sentence and opening one: a capital marks a name only inside) and
 * retext-readability's, so each word is looked up once. Its numbers sit in
 * the memo's own cells, beside the word's key (`facts`, `factStride` a slot):
 * the counting loop reads numbers, not an object a word, and finds a word and
 * its facts in one cache line (readability-memo.ts).
 * `slot(word)` finds or fills a word's slot; read the slot before the next
 * `slot` call.
 */
export class WordTable {
  /** Syllables, letters, characters, flags and key number of each slot (`factAt`), among the memo's cells. */
  readonly facts: Int32Array
  /** retext-readability's lower-cased form (`toLowerCase` only). */
  readonly caseless: string[]
  /** The `syllable` package's count, `-1` until a vote needs it (it is slow). */
  readonly voteSyllables: Int32Array
  readonly #memo: WordMemo
  // The lower-case forms (`WordFacts#key`) numbered 0, 1, 2… in the order
  // met, so that a document counts each unfamiliar one once by marking
  // numbers (`markKey`), never hashing or reading a string; the numbers of
  // common words, met first, are close together, and so are their marks.
  // Emptied whenever the word memo is: it then holds no more keys than the
  // word memo holds words, never fills by itself, and a number kept in a
  // word's slot stays true.
  readonly #keyMemo: WordMemo
  readonly #keyStrings: string[]
  readonly #marks: Int32Array
  #keyCount = 0
  #keyGeneration = 0
  #lastMark = 0

  constructor(bits = 16) {
    const slots = 2 ** bits
    this.caseless = new Array<string>(slots).fill('')
    this.voteSyllables = new Int32Array(slots)
    this.#keyStrings = new Array<string>(slots).fill('')
    this.#marks = new Int32Array(slots)
    this.#keyMemo = new WordMemo(bits, (slot, key) => {
      this.#keyMemo.cells[slot * cellsPerSlot + factCell] = this.#keyCount
      this.#keyStrings[this.#keyCount] = key
      this.#marks[this.#keyCount] = 0
      this.#keyCount++
    })
    this.#memo = new WordMemo(bits, (slot, word) => {
      const facts = openingFacts(word)
      let flags = 0
      if (facts.countable) flags |= wordFlag.countable
      if (facts.polysyllabic) flags |= wordFlag.polysyllabic
      if (facts.complex) flags |= wordFlag.complex
      if (facts.long) flags |= wordFlag.long
      if (facts.difficult) flags |= wordFlag.difficult
      if (facts.unfamiliar) flags |= wordFlag.unfamiliar
      const inner = upperStart.test(word) ? flags & ~nameless : flags
      const caseless = word.toLowerCase()
      if (this.#keyGeneration !== this.#memo.generation) {
        this.#keyMemo.clear()
        this.#keyCount = 0
        this.#keyGeneration = this.#memo.generation
      }
      const at = slot * factStride
      this.facts[at + factAt.syllables] = facts.syllables
      this.facts[at + factAt.letters] = facts.letters
      this.facts[at + factAt.characters] = facts.characters
      this.facts[at + factAt.flags] =
        inner | (flags << openingShift) | (voteBitsOf(word, caseless) << voteShift)
      const keySlot = this.#keyMemo.slot(facts.key)
      this.facts[at + factAt.key] = this.#keyMemo.cells[keySlot * cellsPerSlot + factCell] ?? 0
      // Most words have one lower-case form for both: keep one string.
      this.caseless[slot] = caseless === facts.key ? facts.key : caseless
      this.voteSyllables[slot] = -1
    })
    this.facts = this.#memo.cells
  }

  /** The slot of `word`'s facts. */
  slot(word: string): number {
    return this.#memo.slot(word)
  }

  /**
   * How many times the table was emptied. Slots and key numbers read in one
   * generation mean nothing in another.
   */
  get generation(): number {
    return this.#memo.generation
  }

  /** The lower-case form numbered `key` (`factAt.key`) in this generation. */
  keyOf(key: number): string {
    return this.#keyStrings[key] ?? ''
  }

  /** A mark no caller got before, for `markKey`. */
  newMark(): number {
    // 0 is "never marked": after the last mark, every mark is wiped and
    // counting starts again.
    if (this.#lastMark === 0x7fffffff) {
      this.#marks.fill(0)
      this.#lastMark = 0
    }
    return ++this.#lastMark
  }

  /** Mark key `key` with `mark`; false when it had that mark already. */
  markKey(key: number, mark: number): boolean {
    if (this.#marks[key] === mark) return false
    this.#marks[key] = mark
    return true
  }
}

/** The facts of every word, for both readability analysers. A memo: results never depend on it. */
export const wordTable = new WordTable()

/** `wordTable` (words inside a sentence and words opening one share its slots). */
export const innerWords = wordTable

/**
 * The facts of `word`. `sentenceStart` tells whether it opens its sentence,
 * where a capital does not mark a name.
 */
export function wordFacts(word: string, sentenceStart: boolean): Readonly<WordFacts> {
  const table = wordTable
  const slot = table.slot(word)
  const at = slot * factStride
  const bits = table.facts[at + factAt.flags] ?? 0
  const flags = (sentenceStart ? bits >> openingShift : bits) & 0xff
  return {
    countable: (flags & wordFlag.countable) !== 0,
    syllables: table.facts[at + factAt.syllables] ?? 0,
    letters: table.facts[at + factAt.letters] ?? 0,
    characters: table.facts[at + factAt.characters] ?? 0,
    polysyllabic: (flags & wordFlag.polysyllabic) !== 0,
    complex: (flags & wordFlag.complex) !== 0,
    long: (flags & wordFlag.long) !== 0,
    difficult: (flags & wordFlag.difficult) !== 0,
    unfamiliar: (flags & wordFlag.unfamiliar) !== 0,
    key: table.keyOf(table.facts[at + factAt.key] ?? 0),
  }
}

/**
 * The facts of `word` opening a sentence, where a capital does not mark a
 * name. Inside a sentence, a capital makes it a name: familiar, never complex.
 */
function openingFacts(word: string): WordFacts {
  const lower = word.toLowerCase().replace(/’/g, "'")
  const syllables = Math.max(1, countSyllables(word))
  const letters = word.match(letterPattern)?.length ?? 0
  const digits = word.match(digitsPattern)?.length ?? 0
  // Figures count as familiar (Dale–Chall and Spache rules) and are never
  // Gunning's hard words.
  const figure = digitPattern.test(word)
  const polysyllabic = syllables >= 3
  return {
    countable: letters + digits > 0,
    syllables,
    letters,
    characters: letters + digits,
    polysyllabic,
    complex: polysyllabic && !figure && !word.includes('-') && !inflectedToThree(lower),
    long: letters >= 7,
    difficult: !figure && !isListed(daleChallWords, lower),
    unfamiliar: !figure && !isListed(spacheWords, lower),
    key: lower,
  }
}

/**
 * Gunning (The Technique of Clear Writing, 1952) does not count verbs that
 * reach three syllables by adding `-es` or `-ed` (nor, in later editions,
 * `-ing`): `created`, `finishes`.
 */
function inflectedToThree(lower: string): boolean {
  for (const suffix of ['es', 'ed', 'ing']) {
    if (!lower.endsWith(suffix) || lower.length - suffix.length < 3) continue
    const stem = lower.slice(0, -suffix.length)
    if (Math.max(countSyllables(stem), countSyllables(`${stem}e`)) < 3) return true
  }
  return false
}
