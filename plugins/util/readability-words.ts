/**
 * What the readability formulas need to know of one word: its syllables,
 * letters, and whether each formula calls it hard. Every rule here follows
 * the formula's published counting instructions, cited per function.
 */
import {daleChall} from 'dale-chall'
import {spache} from 'spache'
import {WordMemo} from './readability-memo.js'
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

/** Bits of `WordTable#flags`, one a yes-or-no fact of `WordFacts`. */
export const wordFlag = {
  countable: 1,
  polysyllabic: 2,
  complex: 4,
  long: 8,
  difficult: 16,
  unfamiliar: 32,
} as const

/**
 * The facts of every word met so far, one slot a word, in typed arrays: the
 * counting loop reads numbers, not an object a word. `slot(word)` finds or
 * fills a word's slot; read the slot before the next `slot` call.
 */
export class WordTable {
  readonly syllables: Int32Array
  readonly letters: Int32Array
  readonly characters: Int32Array
  /** `wordFlag` bits. */
  readonly flags: Uint8Array
  /** Lower-case forms (`WordFacts#key`). */
  readonly keys: string[]
  readonly #memo: WordMemo

  constructor(sentenceStart: boolean, bits = 16) {
    const slots = 2 ** bits
    this.syllables = new Int32Array(slots)
    this.letters = new Int32Array(slots)
    this.characters = new Int32Array(slots)
    this.flags = new Uint8Array(slots)
    this.keys = new Array<string>(slots).fill('')
    this.#memo = new WordMemo(bits, (slot, word) => {
      const facts = uncachedFacts(word, sentenceStart)
      this.syllables[slot] = facts.syllables
      this.letters[slot] = facts.letters
      this.characters[slot] = facts.characters
      this.keys[slot] = facts.key
      let flags = 0
      if (facts.countable) flags |= wordFlag.countable
      if (facts.polysyllabic) flags |= wordFlag.polysyllabic
      if (facts.complex) flags |= wordFlag.complex
      if (facts.long) flags |= wordFlag.long
      if (facts.difficult) flags |= wordFlag.difficult
      if (facts.unfamiliar) flags |= wordFlag.unfamiliar
      this.flags[slot] = flags
    })
  }

  /** The slot of `word`'s facts. */
  slot(word: string): number {
    return this.#memo.slot(word)
  }
}

// A capital means a name only inside a sentence, so words opening a sentence
// and words inside one are kept apart. Memos: results never depend on them.
/** Facts of words that open a sentence. */
export const openingWords = new WordTable(true)
/** Facts of words inside a sentence. */
export const innerWords = new WordTable(false)

/**
 * The facts of `word`. `sentenceStart` tells whether it opens its sentence,
 * where a capital does not mark a name.
 */
export function wordFacts(word: string, sentenceStart: boolean): Readonly<WordFacts> {
  const table = sentenceStart ? openingWords : innerWords
  const slot = table.slot(word)
  const flags = table.flags[slot] ?? 0
  return {
    countable: (flags & wordFlag.countable) !== 0,
    syllables: table.syllables[slot] ?? 0,
    letters: table.letters[slot] ?? 0,
    characters: table.characters[slot] ?? 0,
    polysyllabic: (flags & wordFlag.polysyllabic) !== 0,
    complex: (flags & wordFlag.complex) !== 0,
    long: (flags & wordFlag.long) !== 0,
    difficult: (flags & wordFlag.difficult) !== 0,
    unfamiliar: (flags & wordFlag.unfamiliar) !== 0,
    key: table.keys[slot] ?? '',
  }
}

function uncachedFacts(word: string, sentenceStart: boolean): WordFacts {
  const lower = word.toLowerCase().replace(/’/g, "'")
  const syllables = Math.max(1, countSyllables(word))
  const letters = word.match(letterPattern)?.length ?? 0
  const digits = word.match(digitsPattern)?.length ?? 0
  // Names of persons and places and figures count as familiar (Dale–Chall and
  // Spache rules) and are never Gunning's hard words.
  const name = !sentenceStart && upperStart.test(word)
  const figure = digitPattern.test(word)
  const polysyllabic = syllables >= 3
  return {
    countable: letters + digits > 0,
    syllables,
    letters,
    characters: letters + digits,
    polysyllabic,
    complex: polysyllabic && !name && !figure && !word.includes('-') && !inflectedToThree(lower),
    long: letters >= 7,
    difficult: !name && !figure && !isListed(daleChallWords, lower),
    unfamiliar: !name && !figure && !isListed(spacheWords, lower),
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
