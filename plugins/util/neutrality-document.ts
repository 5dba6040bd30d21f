/**
 * Walks a document for score-neutrality: each sentence's signals, with its
 * offsets in the cleaned text (the running length of the stringified tree, as
 * score-readability counts them) and the quotation state carried along each
 * paragraph.
 */
import type {Root, Sentence} from 'nlcst'
import {buildLexicon, type Category, categories, type Lexicon} from './neutrality-lexicon.js'
import {closedQuotes, findSignals, type QuoteState, type Signal} from './neutrality-signals.js'

/** One sentence and what was found in it. */
export interface SentenceSignals {
  /** Start offset in the cleaned text. */
  readonly start: number
  /** End offset in the cleaned text. */
  readonly end: number
  /** Words in the sentence (for weighting the document score). */
  readonly words: number
  readonly signals: Signal[]
}

let cached: Lexicon | undefined

/** The lexicon with every category on and no custom words, built once. */
export function defaultLexicon(): Lexicon {
  cached ??= buildLexicon(new Set<Category>(categories))
  return cached
}

/** The signals of every sentence of `tree`, in order. `original` is the input text. */
export function documentSignals(tree: Root, lexicon: Lexicon, original: string): SentenceSignals[] {
  const sentences: SentenceSignals[] = []
  let offset = 0
  let state: QuoteState = closedQuotes()
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'SentenceNode') {
      const length = textLength(node)
      sentences.push({
        start: offset,
        end: offset + length,
        words: countWords(node),
        signals: findSignals(node, lexicon, state, original),
      })
      offset += length
      return
    }
    if ('children' in node) {
      // A quotation never runs across paragraphs: an unclosed quote mark is a typo.
      if (node.type === 'ParagraphNode') state = closedQuotes()
      for (const child of node.children) visit(child)
      return
    }
    offset += node.value.length
  }
  visit(tree)
  return sentences
}

/** Length of a node's text (as nlcst-to-string would give it), without building the string. */
type TextTree = {readonly value: string} | {readonly children: readonly TextTree[]}

function textLength(node: TextTree): number {
  if ('value' in node) return node.value.length
  let length = 0
  for (const child of node.children) length += textLength(child)
  return length
}

function countWords(sentence: Sentence): number {
  let words = 0
  for (const child of sentence.children) if (child.type === 'WordNode') words++
  return words
}
