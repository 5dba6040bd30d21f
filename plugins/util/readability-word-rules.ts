/**
 * What the readability formulas need to know of one word: its syllables,
 * letters, and whether each formula calls it hard. Every rule here follows
 * the formula's published counting instructions, cited per function. The
 * word table (readability-words.ts) keeps the answers.
 */
import {daleChall} from 'dale-chall'
import {spache} from 'spache'
import {countSyllables} from './syllables.js'

/** The New Dale–Chall familiar words (`dale-chall`), as a set. */
export const daleChallWords: ReadonlySet<string> = new Set(daleChall)
/** Spache's familiar words (`spache`), as a set. */
export const spacheWords: ReadonlySet<string> = new Set(spache)

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
/** A capital first letter: inside a sentence, the mark of a name. */
export const upperStart = /^\p{Lu}/u

/**
 * The facts of `word` opening a sentence, where a capital does not mark a
 * name. Inside a sentence, a capital makes it a name: familiar, never complex.
 */
export function openingFacts(word: string): WordFacts {
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
