import type {Sentence} from 'nlcst'
import {addWord, type Counts, emptyCounts} from './readability-counts.js'
import {textOf} from './readability-text.js'
import {type WordFacts, wordFacts} from './readability-words.js'
import {symbolSyllables} from './syllables-numbers.js'

/** One sentence's counts, and the facts of its words in order. */
export interface SentenceCounts {
  counts: Counts
  words: Array<{text: string; facts: Readonly<WordFacts>}>
}

const figure = /\p{N}/u

/**
 * Count one sentence: every word with a letter or a figure, plus what a
 * currency or percent sign beside a figure adds when read aloud (`$5` "five
 * dollars", `5%` "five percent"; Flesch 1948 counts symbols as read).
 */
export function countSentence(sentence: Sentence): SentenceCounts {
  const counts = emptyCounts(false)
  counts.sentences = 1
  const words: SentenceCounts['words'] = []
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child?.type === 'SymbolNode') {
      const extra = symbolSyllables(child.value)
      if (extra === 0) continue
      const neighbour = child.value === '%' ? children[index - 1] : children[index + 1]
      if (neighbour?.type === 'WordNode' && figure.test(textOf(neighbour)))
        counts.syllables += extra
      continue
    }
    if (child?.type !== 'WordNode') continue
    const text = textOf(child)
    const facts = wordFacts(text, words.length === 0)
    if (!facts.countable) continue
    addWord(counts, facts)
    words.push({text, facts})
  }
  return {counts, words}
}
