/**
 * Sentence ends in news copy, decided on the tokens of one paragraph.
 *
 * A sentence ends after `.`, `!`, `?` or an ellipsis, with any closing quotes
 * and brackets after it, when white space and then the start of a sentence
 * follow (a capital, a figure, a currency sign, an opening quote or bracket
 * before one of those). After an abbreviation's own period the evidence must
 * be stronger, by class (`data/news-abbreviations.json`):
 *
 * - `title` (`Mr.`, `Sen.`, `Gen.`, `e.g.`): never a sentence end;
 * - `number` (`No.`, `Jan.`): not before a figure, else as `name`;
 * - `time` (`p.m.`, `etc.`): before any capital that is not a day, month or time zone;
 * - `name`, `state` (`U.S.`, `Inc.`, `Calif.`, `N.Y.`) and initials (`S.`):
 *   only before a word that commonly opens sentences (`data/sentence-starters.json`).
 *
 * A figure with a period that opens a line (`1. First item`) is a list marker,
 * not a sentence. Line ends are paragraph ends and are decided by the parser.
 */
import data from '../data/sentence-starters.json' with {type: 'json'}
import type {Token} from './news-tokens.js'

const starters = new Set(data.starters.entries)
const continuations = new Set(data.continuations.entries)
const letterLabels = new Set(data.letterLabels.entries)

const terminals = new Set(['.', '!', '?', '…', '‽'])
const closers = new Set(['"', '”', "'", '’', ')', ']', '»', '›'])
const openers = new Set(['"', '“', "'", '‘', '(', '[', '«', '‹'])
const currencies = new Set(['$', '£', '€', '¥', '#'])

type Start = 'upper' | 'lower' | 'mixed' | 'figure' | 'none'

/** How the token at `index` (after any opening quotes) can start a sentence. */
function startOf(text: string, token: Token | undefined): Start {
  if (!token) return 'none'
  const first = text[token.start] ?? ''
  if (token.kind === 'symbol') return currencies.has(first) ? 'figure' : 'none'
  if (token.kind !== 'word') return 'none'
  const code = first.charCodeAt(0)
  if (code >= 48 && code <= 57) return 'figure'
  if (first !== first.toLowerCase()) return 'upper'
  if (first !== first.toUpperCase()) {
    // `iPhone`, `eBay`: a lower-case start with a capital inside.
    const word = text.slice(token.start, token.end)
    return word !== word.toLowerCase() ? 'mixed' : 'lower'
  }
  return 'none'
}

function isTerminal(text: string, token: Token): boolean {
  return token.kind === 'punctuation' && terminals.has(text[token.start] ?? '')
}

/**
 * Indexes of the white-space tokens that separate sentences in one paragraph's
 * tokens (the space between two sentences belongs to neither).
 */
export function sentenceBreaks(text: string, tokens: readonly Token[]): number[] {
  const breaks: number[] = []
  const headline = isTitleCase(text, tokens)
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (!token) continue
    const abbreviation = token.kind === 'word' ? token.abbreviation : undefined
    if (!abbreviation && !isTerminal(text, token)) continue
    // Further terminals and closers belong to this sentence end (`?!`, `."`, `.)`).
    let after = index + 1
    let closed = false
    let punctuated = abbreviation === undefined
    for (let next = tokens[after]; next?.kind === 'punctuation'; next = tokens[++after]) {
      const char = text[next.start] ?? ''
      if (terminals.has(char)) punctuated = true
      else if (closers.has(char)) closed = true
      else break
    }
    const gap = tokens[after]
    if (gap?.kind !== 'space' || after + 1 >= tokens.length) {
      index = after - 1
      continue
    }
    let first = after + 1
    let quoted = false
    while (
      tokens[first]?.kind === 'punctuation' &&
      openers.has(text[tokens[first]?.start ?? 0] ?? '')
    ) {
      quoted = true
      first++
    }
    const next = tokens[first]
    const start = startOf(text, next)
    const word = next ? text.slice(next.start, next.end).toLowerCase() : ''
    const ends = punctuated
      ? plainEnd(text, tokens, index, start)
      : !headline &&
        abbreviationEnd(abbreviation ?? 'name', start, word, closed, quoted, tokens, index, text)
    if (ends) breaks.push(after)
    index = after
  }
  return breaks
}

/**
 * A title-case line without a final stop (`U.S. Stocks Rally as Fed Holds`):
 * a headline, where a capital after an abbreviation starts no sentence.
 */
function isTitleCase(text: string, tokens: readonly Token[]): boolean {
  const last = tokens.at(-1)
  if (!last || terminals.has(text[last.end - 1] ?? '')) return false
  let words = 0
  let capitalised = 0
  for (const token of tokens) {
    if (token.kind !== 'word' || token.end - token.start < 4) continue
    words++
    const first = text[token.start] ?? ''
    if (first !== first.toLowerCase()) capitalised++
  }
  return words >= 3 && capitalised >= words * 0.8
}

function plainEnd(text: string, tokens: readonly Token[], index: number, start: Start): boolean {
  if (start === 'none' || start === 'lower') return false
  // `1. First item`: a figure and a period that open the line mark a list item.
  const previous = tokens[index - 1]
  if (index === 1 && previous?.kind === 'word' && text[tokens[index]?.start ?? 0] === '.') {
    return !/^\d{1,3}$|^[A-Za-z]$/.test(text.slice(previous.start, previous.end))
  }
  return true
}

function abbreviationEnd(
  kind: NonNullable<Token['abbreviation']>,
  start: Start,
  word: string,
  closed: boolean,
  quoted: boolean,
  tokens: readonly Token[],
  index: number,
  text: string,
): boolean {
  if (kind === 'title' || start === 'none' || start === 'lower') return false
  const opens = start === 'upper' && starters.has(word)
  // `(D-Calif.) said`: a party tag or aside closed after the abbreviation.
  if (closed) return opens
  switch (kind) {
    case 'number':
      return start !== 'figure' && (opens || quoted)
    case 'time':
      return start === 'upper' || start === 'mixed' ? !continuations.has(word) : false
    case 'initial': {
      // `Robert S. Mueller`: an initial inside a name; only `vitamin D. The` ends.
      const before = tokens[index - 2]
      const lowerBefore = before?.kind === 'word' && /^\p{Ll}/u.test(text[before.start] ?? '')
      // `98 degrees F. Residents…`: a labelled letter, not a name's initial.
      if (before && start === 'upper' && letterLabels.has(text.slice(before.start, before.end)))
        return true
      return opens && lowerBefore
    }
    case 'state':
      // `in Tallahassee, Fla. Organizers said`: after a city and a comma the
      // state ends the place name, so a capital starts a sentence.
      if (text[tokens[index - 2]?.start ?? 0] === ',' && tokens[index - 1]?.kind === 'space') {
        return start === 'upper' && !continuations.has(word)
      }
      return opens || (quoted && start === 'upper')
    default:
      return opens || (quoted && start === 'upper')
  }
}
