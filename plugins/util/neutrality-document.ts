/**
 * Walks a document for score-neutrality: each sentence's signals, with its
 * offsets in the cleaned text (the running length of the stringified tree, as
 * score-readability counts them) and the quotation state carried along each
 * paragraph. Each sentence's children are read once, for its signals, length
 * and word count alike.
 */
import type {Root} from 'nlcst'
import {buildLexicon, type Category, categories, type Lexicon} from './neutrality-lexicon.js'
import {closedQuotes, type QuoteState, type Signal, scanSentence} from './neutrality-signals.js'
import {SentenceWords} from './neutrality-words.js'

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

/**
 * The signals of every sentence of `tree`, in order. `original` is the input
 * text; `words` is scratch space for the words of each sentence in turn
 * (pass one to reuse it from document to document).
 */
export function documentSignals(
  tree: Root,
  lexicon: Lexicon,
  original: string,
  words: SentenceWords = new SentenceWords(),
): SentenceSignals[] {
  const sentences: SentenceSignals[] = []
  let offset = 0
  let state: QuoteState = closedQuotes()
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'SentenceNode') {
      const scan = scanSentence(node, lexicon, state, original, words)
      sentences.push({
        start: offset,
        end: offset + scan.length,
        words: scan.words,
        signals: scan.signals,
      })
      offset += scan.length
      return
    }
    if ('children' in node) {
      // A quotation never runs across paragraphs: an unclosed quote mark is a typo.
      if (node.type === 'ParagraphNode') state = closedQuotes()
      const children = node.children
      for (let index = 0; index < children.length; index++)
        visit(children[index] as Root['children'][number])
      return
    }
    offset += node.value.length
  }
  visit(tree)
  return sentences
}
