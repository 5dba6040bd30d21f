/**
 * Finds the signals of non-neutral language in one NLCST sentence: lexicon
 * terms (with quotation state), scare quotes, exclamations and questions.
 * One pass over the sentence's children, then one over its words: linear.
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'
import type {Position} from 'unist'
import {type Category, type Lexicon, normaliseWord} from './neutrality-lexicon.js'
import {matchTerms, type Token} from './neutrality-match.js'

/** One piece of evidence, with its span in the original text. */
export interface Signal {
  readonly category: Category
  /** The text at `place`, as written. */
  readonly text: string
  /** Span in the original text. */
  readonly place: Position
  /** Inside a direct quotation: attributed speech, not the writer's words. */
  readonly quoted: boolean
  /** Neutral replacement, when one exists (`''`: drop it). */
  readonly alternative?: string | undefined
  /** Scored but not linted (a word with many plain uses). */
  readonly quiet?: boolean | undefined
}

/** Open quotation marks, carried from sentence to sentence within a paragraph. */
export interface QuoteState {
  double: boolean
  single: boolean
}

/** A fresh state, for the start of a paragraph. */
export function closedQuotes(): QuoteState {
  return {double: false, single: false}
}

/** A short quotation in running text: a scare quote, unless it follows `:` or `,` or opens the sentence. */
const scareQuoteMaxWords = 3

interface OpenQuote {
  readonly node: SentenceContent
  readonly words: number
  readonly afterBreak: boolean
}

/**
 * The signals of one sentence. `state` is read and updated, so a quotation
 * that opens in one sentence and closes in a later one is tracked; `original`
 * is the input text the positions point into (each signal's `text` is sliced
 * from it).
 */
export function findSignals(
  sentence: Sentence,
  lexicon: Lexicon,
  state: QuoteState,
  original: string,
): Signal[] {
  const signals: Signal[] = []
  const tokens: Token[] = []
  let gap = false
  // The last mark since the last word (`''` after a word, `'^'` at the start): tells direct
  // speech (`said: "…`, `"No."`) from a scare quote. Marks are read one character at a
  // time, as the parser may join them into one node (`."`, `,"`).
  let mark = '^'
  let open: OpenQuote | undefined
  const quoted = () => state.double || state.single

  const closeQuote = (node: SentenceContent) => {
    if (open !== undefined && !open.afterBreak) {
      const words = tokens.length - open.words
      const start = open.node.position?.start
      const end = node.position?.end
      if (words >= 1 && words <= scareQuoteMaxWords && start && end && !/[.!?,;:]/.test(mark)) {
        signals.push({
          category: 'scare-quote',
          text: original.slice(start.offset, end.offset),
          place: {start, end},
          quoted: false,
        })
      }
    }
    open = undefined
  }
  const openQuote = (node: SentenceContent) => {
    open = {node, words: tokens.length, afterBreak: /[\^:,]/.test(mark)}
  }

  for (let index = 0; index < sentence.children.length; index++) {
    const node = sentence.children[index] as SentenceContent
    if (node.type === 'WordNode') {
      const text = wordText(node)
      tokens.push({
        norm: normaliseWord(text),
        first: text.charAt(0),
        place: node.position,
        quoted: quoted(),
        gapBefore: gap,
      })
      gap = false
      // The parser keeps a final stop inside a short word (`"No."`): it still ends the clause.
      const last = text.charAt(text.length - 1)
      mark = last === '.' || last === '!' || last === '?' ? last : ''
      continue
    }
    if (node.type === 'WhiteSpaceNode') continue
    if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      for (const character of node.value) {
        if (character === '\u201C' || character === '\u201E' || character === '\u00AB') {
          state.double = true
          openQuote(node)
        } else if (character === '\u201D' || character === '\u00BB') {
          if (state.double) closeQuote(node)
          state.double = false
        } else if (character === '"') {
          if (state.double) closeQuote(node)
          else openQuote(node)
          state.double = !state.double
        } else if (character === '\u2018') {
          state.single = true
          openQuote(node)
        } else if (character === '\u2019' || character === "'") {
          // A lone apostrophe closes an open single quote; it opens one only
          // before a word, so a plural possessive (`players' union`) is left alone.
          if (state.single) {
            closeQuote(node)
            state.single = false
          } else if (character === "'" && sentence.children[index + 1]?.type === 'WordNode') {
            state.single = true
            openQuote(node)
          }
        } else if ((character === '!' || character === '?') && !quoted() && node.position) {
          signals.push({
            category: character === '!' ? 'exclamation' : 'rhetorical-question',
            text: node.value,
            place: node.position,
            quoted: false,
          })
        }
        mark = character
      }
    }
    gap = true
  }
  matchTerms(tokens, lexicon, signals, original)
  // In text order, whichever pass found them.
  return signals.sort((a, b) => (a.place.start.offset ?? 0) - (b.place.start.offset ?? 0))
}

/** A word's text: nlcst-to-string's result, without its generic recursion (this is the hot loop). */
function wordText(word: Word): string {
  let text = ''
  for (const child of word.children) {
    text += 'value' in child ? child.value : ''
  }
  return text
}
