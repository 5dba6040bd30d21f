/**
 * What `retext-readability` (8.x) reads of one word, apart from its syllables:
 * its lower-cased form, whether that form is on the `dale-chall` and `spache`
 * lists exactly as given (no stems), and whether lower-casing leaves its first
 * character as it was (its test for "not a name"). The word table of
 * readability-words.ts keeps these beside copydesk's own facts, so that one
 * lookup a word serves both analysers.
 */
import {daleChallWords, spacheWords} from './readability-word-rules.js'

/** Bits kept at `voteShift` in a word's flags (`WordTable#facts`, `factAt.flags`). */
export const voteBit = {
  /** The lower-cased word is on its Dale–Chall list. */
  easy: 1,
  /** The lower-cased word is on its Spache list. */
  familiar: 2,
  /** Lower-casing does not change its first character. */
  nameless: 4,
  /**
   * Its lower-cased form is its key in the word table (it has no `’`), so
   * different key numbers are different lower-cased forms (set by the table).
   */
  keyed: 8,
} as const

/** The `voteBit`s of `word`, whose lower-cased form is `caseless`. */
export function voteBitsOf(word: string, caseless: string): number {
  let bits = 0
  if (daleChallWords.has(caseless)) bits |= voteBit.easy
  if (spacheWords.has(caseless)) bits |= voteBit.familiar
  if (word.charCodeAt(0) === caseless.charCodeAt(0)) bits |= voteBit.nameless
  return bits
}
