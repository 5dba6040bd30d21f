/**
 * Walks a document for score-neutrality: each sentence's signals, with its
 * offsets in the cleaned text (the running length of the stringified tree, as
 * score-readability counts them) and the quotation state carried along each
 * paragraph. Each sentence's children are read once, for its signals, length
 * and word count alike.
 */
import type {Root} from 'nlcst'
import {readIndexFile} from './neutrality-index-file.js'
import {
  buildLexicon,
  type Category,
  categories,
  type Lexicon,
  lexiconFingerprint,
} from './neutrality-lexicon.js'
import {closedQuotes, type QuoteState, type Signal, scanSentenceInto} from './neutrality-signals.js'
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

/**
 * The lexicon with every category on and no custom words, made once: its
 * index read from the build's file when it is there and current, else built.
 */
export function defaultLexicon(): Lexicon {
  cached ??= buildLexicon(new Set<Category>(categories), [], readIndexFile(lexiconFingerprint()))
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
  scanDocument(tree, lexicon, original, words, (signals, start, end, count) => {
    sentences.push({start, end, words: count, signals: [...signals]})
  })
  return sentences
}

/** Called for each sentence: its signals (scratch, valid during the call), offsets in the cleaned text and word count. */
export type EachSentence = (
  signals: readonly Signal[],
  start: number,
  end: number,
  words: number,
) => void

/**
 * {@link documentSignals} with no result objects: `each` is called for every
 * sentence in order, with its signals in `signals`, which is emptied and
 * refilled for each sentence (scratch, like `words`).
 */
export function scanDocument(
  tree: Root,
  lexicon: Lexicon,
  original: string,
  words: SentenceWords,
  each: EachSentence,
): void {
  words.startDocument()
  const signals: Signal[] = []
  const walk: Walk = {lexicon, original, words, signals, each, offset: 0, state: closedQuotes()}
  visit(walk, tree)
}

/** What the walk carries from node to node. */
interface Walk {
  readonly lexicon: Lexicon
  readonly original: string
  readonly words: SentenceWords
  readonly signals: Signal[]
  readonly each: EachSentence
  /** Length of the text before the node, as nlcst-to-string would give it. */
  offset: number
  state: QuoteState
}

function visit(walk: Walk, node: Root | Root['children'][number]): void {
  if (node.type === 'SentenceNode') {
    const {signals} = walk
    if (signals.length > 0) signals.length = 0
    const length = scanSentenceInto(
      node,
      walk.lexicon,
      walk.state,
      walk.original,
      walk.words,
      signals,
    )
    const start = walk.offset
    walk.offset = start + length
    walk.each(signals, start, walk.offset, walk.words.length)
    return
  }
  if ('children' in node) {
    // A quotation never runs across paragraphs: an unclosed quote mark is a typo.
    if (node.type === 'ParagraphNode') walk.state = closedQuotes()
    const children = node.children
    for (let index = 0; index < children.length; index++)
      visit(walk, children[index] as Root['children'][number])
    return
  }
  walk.offset += node.value.length
}
