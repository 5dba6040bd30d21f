/**
 * Finds the signals of non-neutral language in one NLCST sentence: lexicon
 * terms (with quotation state), scare quotes, exclamations and questions.
 * One pass over the sentence's children, then a few over its words: linear.
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'
import type {Position} from 'unist'
import type {Category, Lexicon} from './neutrality-lexicon.js'
import {matchTerms} from './neutrality-match.js'
import type {SentenceWords} from './neutrality-words.js'

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

// Character codes the scan tests (quotation marks, clause ends).
const leftDouble = 0x201c
const lowDouble = 0x201e
const leftGuillemet = 0xab
const rightDouble = 0x201d
const rightGuillemet = 0xbb
const straightDouble = 0x22
const leftSingle = 0x2018
const rightSingle = 0x2019
const straightSingle = 0x27
const exclamationMark = 0x21
const questionMark = 0x3f
const fullStop = 0x2e
const comma = 0x2c
const colon = 0x3a
const semicolon = 0x3b
/** The mark before the first word; also the code of `^`, which the parser may give as a mark. */
const sentenceStart = 0x5e
/** No mark since the last word. */
const noMark = -1

/**
 * The signals of one sentence, appended to `signals` (in text order when it
 * starts empty); the sentence's words are left in `words` (their count is
 * `words.length`), and its length is returned. `state` is read and updated,
 * so a quotation that opens in one sentence and closes in a later one is
 * tracked; `original` is the input text the positions point into (each
 * signal's `text` is sliced from it); `words` is scratch space, reusable
 * across sentences.
 */
export function scanSentenceInto(
  sentence: Sentence,
  lexicon: Lexicon,
  state: QuoteState,
  original: string,
  words: SentenceWords,
  signals: Signal[],
): number {
  const children = sentence.children
  words.clear()
  let length = 0
  let gap = false
  // The last mark since the last word (none after a word, `^` at the start): tells direct
  // speech (`said: "…`, `"No."`) from a scare quote. Marks are read one character at a
  // time, as the parser may join them into one node (`."`, `,"`).
  let mark = sentenceStart
  let open: OpenQuote | undefined

  for (let index = 0; index < children.length; index++) {
    const node = children[index] as SentenceContent
    if (node.type === 'WordNode') {
      const text = wordText(node)
      length += text.length
      words.add(text, node.position, state.double || state.single, gap, lexicon)
      gap = false
      // The parser keeps a final stop inside a short word (`"No."`): it still ends the clause.
      const last = text.charCodeAt(text.length - 1)
      mark = last === fullStop || last === exclamationMark || last === questionMark ? last : noMark
      continue
    }
    const value = node.value
    length += value.length
    if (node.type === 'WhiteSpaceNode') continue
    if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      for (let at = 0; at < value.length; at++) {
        const character = value.charCodeAt(at)
        if (character === leftDouble || character === lowDouble || character === leftGuillemet) {
          state.double = true
          open = openQuote(node, words.length, mark)
        } else if (character === rightDouble || character === rightGuillemet) {
          if (state.double) open = closeQuote(open, node, words.length, mark, signals, original)
          state.double = false
        } else if (character === straightDouble) {
          if (state.double) open = closeQuote(open, node, words.length, mark, signals, original)
          else open = openQuote(node, words.length, mark)
          state.double = !state.double
        } else if (character === leftSingle) {
          state.single = true
          open = openQuote(node, words.length, mark)
        } else if (character === rightSingle || character === straightSingle) {
          // A lone apostrophe closes an open single quote; it opens one only
          // before a word, so a plural possessive (`players' union`) is left alone.
          if (state.single) {
            open = closeQuote(open, node, words.length, mark, signals, original)
            state.single = false
          } else if (character === straightSingle && children[index + 1]?.type === 'WordNode') {
            state.single = true
            open = openQuote(node, words.length, mark)
          }
        } else if (
          (character === exclamationMark || character === questionMark) &&
          !(state.double || state.single) &&
          node.position
        ) {
          signals.push({
            category: character === exclamationMark ? 'exclamation' : 'rhetorical-question',
            text: value,
            place: node.position,
            quoted: false,
          })
        }
        mark = character
      }
    }
    gap = true
  }
  matchTerms(words, lexicon, signals, original)
  // In text order, whichever pass found them.
  if (signals.length > 1) sortByStart(signals)
  return length
}

/** Sentences with more signals than this are sorted by `Array#sort` (insertion sort is quadratic). */
const insertionSortMax = 16

/** Sort `signals` by start offset, keeping the order of equal starts (as `Array#sort` does). */
function sortByStart(signals: Signal[]): void {
  if (signals.length > insertionSortMax) {
    signals.sort((a, b) => startOf(a) - startOf(b))
    return
  }
  // Most sentences have a few signals, nearly in order: no comparator calls through the builtin.
  for (let index = 1; index < signals.length; index++) {
    const signal = signals[index] as Signal
    const start = startOf(signal)
    let at = index - 1
    while (at >= 0 && startOf(signals[at] as Signal) > start) {
      signals[at + 1] = signals[at] as Signal
      at--
    }
    signals[at + 1] = signal
  }
}

function startOf(signal: Signal): number {
  return signal.place.start.offset ?? 0
}

/** A quotation opening at `node`, after `words` words of the sentence and the mark `mark`. */
function openQuote(node: SentenceContent, words: number, mark: number): OpenQuote {
  return {node, words, afterBreak: mark === sentenceStart || mark === colon || mark === comma}
}

/**
 * Close the quotation `open` at `node`, after `words` words: a short one in
 * running text is a scare quote, added to `signals`. No quotation stays open.
 */
function closeQuote(
  open: OpenQuote | undefined,
  node: SentenceContent,
  words: number,
  mark: number,
  signals: Signal[],
  original: string,
): undefined {
  if (open !== undefined && !open.afterBreak) {
    const count = words - open.words
    const start = open.node.position?.start
    const end = node.position?.end
    if (count >= 1 && count <= scareQuoteMaxWords && start && end && !endsClause(mark)) {
      signals.push({
        category: 'scare-quote',
        text: original.slice(start.offset, end.offset),
        place: {start, end},
        quoted: false,
      })
    }
  }
  return undefined
}

/** A stop or a clause break: a quotation after one is direct speech, not a scare quote. */
function endsClause(mark: number): boolean {
  return (
    mark === fullStop ||
    mark === exclamationMark ||
    mark === questionMark ||
    mark === comma ||
    mark === semicolon ||
    mark === colon
  )
}

/** A word's text: nlcst-to-string's result, without its generic recursion (this is the hot loop). */
function wordText(word: Word): string {
  const children = word.children
  // Most words are one text node: its value, with no string built.
  if (children.length === 1) return (children[0] as Word['children'][number]).value
  let text = ''
  for (const child of children) text += child.value
  return text
}
