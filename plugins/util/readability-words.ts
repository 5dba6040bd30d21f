/**
 * The word table: what both readability analysers know of each word met, one
 * memo slot a word (the rules that answer are in readability-word-rules.ts).
 */
import {KeyMarks} from './readability-marks.js'
import {cellsPerSlot, factCell, WordMemo} from './readability-memo.js'
import {voteBit, voteBitsOf} from './readability-vote-words.js'
import {openingFacts, upperStart, type WordFacts} from './readability-word-rules.js'

export type {WordFacts} from './readability-word-rules.js'

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
  /** retext-readability's count, the `syllable` package's, `-1` until a vote needs it (it is slow). */
  voteSyllables: factCell + 5,
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
  /** Marks on key numbers for a document's counts (readability-unfamiliar.ts). */
  readonly documentMarks: KeyMarks
  /** Marks on key numbers for one sentence's vote (readability-votes.ts). */
  readonly sentenceMarks: KeyMarks
  readonly #memo: WordMemo
  // The lower-case forms (`WordFacts#key`) numbered 0, 1, 2… in the order
  // met, so that a document counts each unfamiliar one once by marking
  // numbers (`KeyMarks`), never hashing or reading a string; the numbers of
  // common words, met first, are close together, and so are their marks.
  // Emptied whenever the word memo is: it then holds no more keys than the
  // word memo holds words, never fills by itself, and a number kept in a
  // word's slot stays true.
  readonly #keyMemo: WordMemo
  readonly #keyStrings: string[]
  #keyCount = 0
  #keyGeneration = 0

  constructor(bits = 16) {
    const slots = 2 ** bits
    this.caseless = new Array<string>(slots).fill('')
    this.#keyStrings = new Array<string>(slots).fill('')
    this.documentMarks = new KeyMarks(slots)
    this.sentenceMarks = new KeyMarks(slots)
    this.#keyMemo = new WordMemo(bits, (slot, key) => {
      this.#keyMemo.cells[slot * cellsPerSlot + factCell] = this.#keyCount
      this.#keyStrings[this.#keyCount] = key
      this.documentMarks.forget(this.#keyCount)
      this.sentenceMarks.forget(this.#keyCount)
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
        inner |
        (flags << openingShift) |
        ((voteBitsOf(word, caseless) | (caseless === facts.key ? voteBit.keyed : 0)) << voteShift)
      const keySlot = this.#keyMemo.slot(facts.key)
      this.facts[at + factAt.key] = this.#keyMemo.cells[keySlot * cellsPerSlot + factCell] ?? 0
      // Most words have one lower-case form for both: keep one string.
      this.caseless[slot] = caseless === facts.key ? facts.key : caseless
      this.facts[at + factAt.voteSyllables] = -1
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
}

/** The facts of every word, for both readability analysers. A memo: results never depend on it. */
export const wordTable = new WordTable()

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
