import type {Root, Sentence} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import type {Plugin} from 'unified'
import {type Counts, countWord, emptyCounts, scoreCounts} from './util/readability-counts.js'
import type {SentenceReport} from './util/readability-types.js'

export interface Options {
  /** Grade above which a sentence counts as hard (default: `12`). */
  readonly hardGrade?: number | null | undefined
  /** Sentences shorter than this are never called hard (default: `8`). */
  readonly minWords?: number | null | undefined
}

export const source = 'score-readability'

/**
 * Analyser: document readability scores in `file.data.readability` and one
 * explanation per sentence in `file.data.sentences` (offsets into the cleaned
 * text). Reads the tree only.
 */
const scoreReadability: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const hardGrade = options?.hardGrade ?? 12
  const minWords = options?.minWords ?? 8
  return (tree, file) => {
    const total: Counts = emptyCounts()
    const sentences: SentenceReport[] = []
    let offset = 0
    const visit = (node: Root['children'][number] | Root): void => {
      if (node.type === 'SentenceNode') {
        const text = nlcstToString(node)
        sentences.push(scoreSentence(node, text, offset, total, hardGrade, minWords))
        offset += text.length
        return
      }
      if ('children' in node) {
        for (const child of node.children) visit(child)
        return
      }
      offset += node.value.length
    }
    visit(tree)
    file.data.readability = scoreCounts(total)
    file.data.sentences = sentences
  }
}

function scoreSentence(
  sentence: Sentence,
  text: string,
  start: number,
  total: Counts,
  hardGrade: number,
  minWords: number,
): SentenceReport {
  const counts = emptyCounts()
  counts.sentences = 1
  total.sentences++
  const longWords: string[] = []
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    const word = nlcstToString(child)
    if (!/\p{L}|\p{N}/u.test(word)) continue
    const syllables = countWord(counts, word)
    countWord(total, word)
    if (syllables >= 4) longWords.push(word)
  }
  const scores = scoreCounts(counts)
  const grade = scores.fleschKincaidGrade
  const hard = counts.words >= minWords && grade !== null && grade > hardGrade
  const why: string[] = []
  if (hard) {
    if (counts.words > 25) why.push(`${counts.words} words`)
    if (longWords.length > 0) why.push(`long words: ${longWords.join(', ')}`)
  }
  return {start, end: start + text.length, text, words: counts.words, grade, hard, why}
}

export default scoreReadability
