import type {Sentence} from 'nlcst'
import {addWord, type Counts, emptyCounts} from './readability-counts.js'
import {textOf} from './readability-text.js'
import {wordFacts} from './readability-words.js'
import {symbolSyllables} from './syllables-numbers.js'

/** One sentence's counts, and the words the explanations and totals need. */
export interface SentenceCounts {
  counts: Counts
  /** Gunning's complex words, in order, each once. */
  complex: string[]
  /** Lower-case Spache-unfamiliar words, for the document's once-each count. */
  unfamiliar: string[]
  /** Length of the longest word, in characters. */
  longest: number
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
  const complex: string[] = []
  const unfamiliar: string[] = []
  let longest = 0
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
    const facts = wordFacts(text, counts.words === 0)
    if (!facts.countable) continue
    addWord(counts, facts)
    if (text.length > longest) longest = text.length
    if (facts.complex && !complex.includes(text)) complex.push(text)
    if (facts.unfamiliar) unfamiliar.push(facts.key)
  }
  return {counts, complex, unfamiliar, longest}
}
