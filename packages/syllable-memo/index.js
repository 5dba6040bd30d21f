/**
 * `syllable` with a memo. retext-readability calls `syllable` on every word of
 * every sentence it checks, and copydesk's wrapper has just counted the same
 * words with it to decide which sentences to hand over (see
 * plugins/util/readability-votes.ts): a count is a pure function of the word,
 * so answering the second call from a memo changes nothing but the time. The
 * memo is bounded and emptied when full, so a long batch of rare words cannot
 * grow it.
 */
import {syllable as countSyllables} from 'syllable-upstream'

const limit = 50_000
const counts = new Map()

/**
 * Count syllables in `value`, as the `syllable` package does.
 *
 * @param {string} value
 * @returns {number}
 */
export function syllable(value) {
  const word = String(value)
  let count = counts.get(word)
  if (count === undefined) {
    count = countSyllables(word)
    if (counts.size >= limit) counts.clear()
    // A word of 13 characters or more sliced from a document is a view into
    // it in V8: store a copy, so that the memo keeps no document alive.
    counts.set(word.length < 13 ? word : ` ${word}`.slice(1), count)
  }
  return count
}
