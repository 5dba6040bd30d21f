/**
 * `retext-readability`, the unified collective's per-sentence check, run only
 * on the sentences it flags.
 *
 * It is kept for its per-sentence warnings, with its known faults neutralised:
 * - its SMOG vote can never fire (it takes the square root of a grade as an
 *   age) and its Dale–Chall vote nearly always fires (it counts repeated easy
 *   words as difficult, and votes with the open top of the 16+ band), so of its
 *   seven votes five carry information; `threshold: 4 / 7` then means "the
 *   Dale–Chall vote and three of the five working formulas";
 * - it looks every word up in the `dale-chall` and `spache` word arrays with
 *   `Array#includes`, a linear scan each, and counts syllables with the
 *   `syllable` package, which makes it 20–40 times slower than parsing. Fixes
 *   that change none of its results: those two arrays get an `includes` backed
 *   by a `Set` (same answer for every value); it sees only sentences of at
 *   least `minWords` words (its count) whose copydesk grade is above `minGrade` (10 by
 *   default; on 3,000 Reuters articles this kept all 1,083 of its warnings: at
 *   `age: 18` it flags sentences its formulas put above grade 13); and of
 *   those, only the ones its own vote flags, computed first from memoised
 *   word counts (readability-votes.ts, proven equal to its vote by
 *   test/readability-votes.test.ts). Sentences with a "word" of over 64
 *   characters (glued debris) are skipped too: the `syllable` package is
 *   quadratic on such words. Each sentence it is given is a reading copy,
 *   its words alone (`readingCopy`), and its messages are then pointed back
 *   at the sentence itself: the same messages, field for field (tested).
 */
import {daleChall} from 'dale-chall'
import type {Paragraph, Root, Sentence} from 'nlcst'
import retextReadability from 'retext-readability'
import {spache} from 'spache'
import type {Plugin} from 'unified'
import {sentenceCounter} from './readability-sentence.js'
import {textOf} from './readability-text.js'
import {retextFlagsCounted, voteSettings} from './readability-votes.js'
import {daleChallWords, spacheWords} from './readability-word-rules.js'
import {withoutStacks} from './report.js'

/**
 * Give a word list a constant-time `includes` with the answers of
 * `Array#includes`, for callers that look words up in it one by one. The list
 * is never changed after loading, so the set stays true to it; `words`, when
 * given, is a set of exactly the list's words.
 */
export function indexWordList(
  list: readonly string[],
  words: ReadonlySet<unknown> = new Set<unknown>(list),
): void {
  if (Object.hasOwn(list, 'includes')) return
  Object.defineProperty(list, 'includes', {
    value: (value: unknown) => words.has(value),
    enumerable: false,
  })
}

// The same sets the word rules read (they hold exactly the lists' words).
indexWordList(daleChall, daleChallWords)
indexWordList(spache, spacheWords)

export interface Options {
  /** Target age (default: `18`, grade 13: a college reader). */
  readonly age?: number | null | undefined
  /** Shortest sentence checked (default: `8` words). */
  readonly minWords?: number | null | undefined
  /** Share of the seven votes that must agree (default: `4 / 7`). */
  readonly threshold?: number | null | undefined
  /** copydesk grade a sentence needs to be checked at all (default: `10`). */
  readonly minGrade?: number | null | undefined
}

// Longer than any English word in the CMU dictionary (34 letters), with room.
const maxWordLength = 64

type Node = Root | Root['children'][number]

/** `retext-readability` on the candidate sentences only; its messages are its own. */
const retextReadabilityCandidates: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (
  options,
) => {
  const minWords = options?.minWords ?? 8
  const minGrade = options?.minGrade ?? 10
  const settings = {age: options?.age ?? 18, minWords, threshold: options?.threshold ?? 4 / 7}
  const votes = voteSettings(settings)
  const check = retextReadability(settings)
  return (tree, file) => {
    const countsOf = sentenceCounter(file)
    const flagged: Sentence[] = []
    // What it reads of each flagged sentence, and no more (see `readingCopy`);
    // a sentence with a word inside a word goes as it is, since its walk reads both.
    const copies: Sentence[] = []
    const visit = (node: Node): void => {
      if (node.type === 'SentenceNode') {
        const counted = countsOf(node)
        const {grade, longest, voteWords} = counted
        // Its own count of words (every `WordNode`; a sentence with words in
        // words is left to the vote, which counts them as it does).
        if ((voteWords >= 0 && voteWords < minWords) || grade <= minGrade) return
        // The `syllable` package backtracks on very long "words" (glued
        // debris, not English), in time that grows with the square of their length.
        if (longest > maxWordLength) return
        // Its own vote, computed first: it then reads only what it flags.
        if (retextFlagsCounted(node, counted, votes)) {
          flagged.push(node)
          copies.push(counted.voteWords < 0 ? node : readingCopy(node))
        }
      } else if ('children' in node) {
        for (const child of node.children) visit(child)
      }
    }
    visit(tree)
    if (flagged.length === 0) return
    const before = file.messages.length
    // Its messages are `VFileMessage`s: no stacks collected, the same messages.
    withoutStacks(() =>
      check({type: 'RootNode', children: [{type: 'ParagraphNode', children: copies}]}, file),
    )
    // Each message names its sentence as it is in the tree: its text, and as
    // ancestors the sentence in a paragraph of the flagged sentences (what it
    // was handed before the copies). Messages come in sentence order, at most
    // one a sentence.
    const paragraph: Paragraph = {type: 'ParagraphNode', children: flagged}
    let at = 0
    for (const message of file.messages.slice(before)) {
      const copy = message.ancestors?.at(-1)
      while (at < copies.length && copies[at] !== copy) at++
      const sentence = flagged[at]
      if (!sentence) break
      message.actual = textOf(sentence)
      message.ancestors = [paragraph, sentence]
    }
  }
}

/**
 * A sentence as retext-readability reads it: it visits every `WordNode` and
 * takes its text (`nlcst-to-string`), and reads the sentence's position for
 * its message; white space, punctuation and symbols between words it visits
 * but never reads. The copy has the sentence's position and one node a word,
 * holding the word's text as its value (`nlcst-to-string` reads a value
 * before children), so its walk visits a third of the nodes: each visit names
 * a function with `Object.defineProperty` (unist-util-visit-parents), which
 * was most of its time. Only its message's `actual` (the text) and
 * `ancestors` read the rest of the sentence; the wrapper sets both from the
 * sentence itself.
 */
function readingCopy(sentence: Sentence): Sentence {
  const words: Sentence['children'] = []
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    // Its text as the tree holds it (a one-text word's own string, which the
    // vote already counted syllables of).
    words.push({type: 'WordNode', value: textOf(child)} as unknown as Sentence['children'][number])
  }
  return {type: 'SentenceNode', children: words, position: sentence.position}
}

export default retextReadabilityCandidates
