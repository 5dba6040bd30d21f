/**
 * The tokenizer of `parse-news`: one linear pass over one paragraph (one line
 * of text), giving words, white space, punctuation and symbols. Words keep
 * their inner punctuation (`don't`, `well-known`, `U.S.`, `3.5`, `2,500`,
 * `6:30`), and a known abbreviation keeps its final period, as in
 * `parse-english`, so the sentence splitter can see what the period belongs to.
 */
import data from '../data/news-abbreviations.json' with {type: 'json'}
import {emptyArray} from './unsited.js'

/** What a token is; the NLCST node type follows from it. */
export type TokenKind = 'word' | 'space' | 'punctuation' | 'symbol'

/** How a period after an abbreviation behaves at a possible sentence end. */
export type AbbreviationClass = 'title' | 'number' | 'time' | 'name' | 'state' | 'initial'

export interface Token {
  kind: TokenKind
  /** Offset of the first character in the whole text. */
  start: number
  /** Offset after the last character. */
  end: number
  /** A word of letters and figures only (no inner punctuation). */
  plain: boolean
  /** For a word that ends in its own abbreviation period. */
  abbreviation: AbbreviationClass | undefined
}

// Abbreviations by their text without the final period, for exact matches,
// and lower-cased for the classes that ignore case.
const exact = new Map<string, AbbreviationClass>()
const caseless = new Map<string, AbbreviationClass>()
for (const [name, group] of Object.entries(data.classes)) {
  for (const entry of group.entries) {
    ;(group.caseless ? caseless : exact).set(
      group.caseless ? entry.toLowerCase() : entry,
      name as AbbreviationClass,
    )
  }
}

/** Character classes of the tokenizer. */
export const charClass = {other: 0, alnum: 1, space: 2, punctuation: 3, symbol: 4} as const
type CharClass = (typeof charClass)[keyof typeof charClass]

// ASCII classes in a table; other characters are classified by Unicode property.
const ascii = new Uint8Array(128)
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code)
  ascii[code] = /[\p{L}\p{N}]/u.test(char)
    ? charClass.alnum
    : /\s/.test(char)
      ? charClass.space
      : /[$+<=>^`|~#%@&*]/.test(char)
        ? charClass.symbol
        : /\p{P}/u.test(char)
          ? charClass.punctuation
          : charClass.symbol
}

const letterPattern = /^[\p{L}\p{M}\p{N}]$/u
const spacePattern = /^\s$/u
const punctuationPattern = /^\p{P}$/u

/** The class of the character at `index` (a surrogate pair is one symbol). */
export function classAt(text: string, index: number): CharClass {
  const code = text.charCodeAt(index)
  if (code < 128) return (ascii[code] ?? charClass.other) as CharClass
  const char = text[index] ?? ''
  if (letterPattern.test(char)) return charClass.alnum
  if (spacePattern.test(char)) return charClass.space
  if (punctuationPattern.test(char)) return charClass.punctuation
  return charClass.symbol
}

function isAlnum(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128) return ascii[code] === charClass.alnum
  return index < text.length && classAt(text, index) === charClass.alnum
}

/** Whether the character at `index` is white space. */
export function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128) return ascii[code] === charClass.space
  return index < text.length && classAt(text, index) === charClass.space
}

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 48 && code <= 57
}

function isUpper(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 65 && code <= 90
}

/** Where a word that starts at `start` ends, joining inner punctuation. */
function wordEnd(text: string, start: number, to: number): number {
  let index = start
  for (;;) {
    while (index < to && isAlnum(text, index)) index++
    if (index + 1 >= to) return index
    const char = text[index]
    const before = index - 1
    const next = index + 1
    const joins =
      ((char === "'" || char === '’' || char === '.' || char === '_') && isAlnum(text, next)) ||
      (char === '-' && isAlnum(text, next)) ||
      ((char === ',' || char === ':' || char === '/') &&
        isDigit(text, before) &&
        isDigit(text, next) &&
        (char !== ',' || (isDigit(text, next + 2) && !isDigit(text, next + 3)))) ||
      (char === '&' && isUpper(text, before) && isUpper(text, next))
    if (!joins) return index
    index = next
  }
}

const initialism = /^(?:\p{L}\.)+\p{L}$/u

/**
 * The abbreviation class of a word (without its period), if a period after it
 * is its own; `beforeFigure` tells whether a space and a figure follow.
 */
export function abbreviationOf(word: string, beforeFigure = false): AbbreviationClass | undefined {
  const lower = word.toLowerCase()
  const known = exact.get(word) ?? caseless.get(lower)
  if (known) return known
  // `ex-Sen.`, `D-Calif.`: the part after the last hyphen is the abbreviation.
  const hyphen = word.lastIndexOf('-')
  if (hyphen > 0 && hyphen < word.length - 1) {
    const last = abbreviationOf(word.slice(hyphen + 1), beforeFigure)
    return last === 'initial' ? undefined : last
  }
  if (word.length === 1) return isUpper(word, 0) ? 'initial' : undefined
  // Lower-case entries (`approx`, `vs`, `e.g`) also open sentences capitalised.
  const capitalised = exact.get(lower)
  if (capitalised && word.slice(1) === lower.slice(1)) return capitalised
  // `vol. 3`, `no. 2`: figure abbreviations are also written in lower case,
  // but only before a figure is that what they are (`said no. Democrats…`).
  const upperFirst = exact.get(word.charAt(0).toUpperCase() + word.slice(1))
  if (upperFirst === 'number' && word === lower && beforeFigure) return upperFirst
  return initialism.test(word) ? 'name' : undefined
}

// Every token has all five fields, in one order: one object shape for the
// parser's loops to read. Made from `{}`, not a literal, as the parser's nodes
// are (see unsited.ts).
function tokenOf(kind: TokenKind, start: number, end: number, plain: boolean): Token {
  const token = {} as Token
  token.kind = kind
  token.start = start
  token.end = end
  token.plain = plain
  token.abbreviation = undefined
  return token
}

/** Tokens of `text` from `from` to `to` (one paragraph, no line breaks). */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens = emptyArray<Token>()
  let index = from
  while (index < to) {
    const kind = classAt(text, index)
    const start = index
    if (kind === charClass.alnum) {
      index++
      while (index < to && isAlnum(text, index)) index++
      const plainEnd = index
      index = wordEnd(text, index, to)
      const token = tokenOf('word', start, index, index === plainEnd)
      // A known abbreviation keeps its period, unless it opens an ellipsis.
      if (text.charCodeAt(index) === 46 && text.charCodeAt(index + 1) !== 46) {
        const beforeFigure = text.charCodeAt(index + 1) === 32 && isDigit(text, index + 2)
        const abbreviation = abbreviationOf(text.slice(start, index), beforeFigure)
        if (abbreviation) {
          index++
          token.plain = false
          // `U.S.-based`: the compound goes on after the period.
          if (text[index] === '-' && isAlnum(text, index + 1)) index = wordEnd(text, index + 1, to)
          else token.abbreviation = abbreviation
          token.end = index
        }
      }
      tokens.push(token)
    } else if (kind === charClass.space) {
      while (index < to && isSpaceAt(text, index)) index++
      tokens.push(tokenOf('space', start, index, false))
    } else if (kind === charClass.punctuation) {
      // An ellipsis of periods is one token; other punctuation one character each.
      index++
      if (text[start] === '.') while (index < to && text[index] === '.') index++
      tokens.push(tokenOf('punctuation', start, index, false))
    } else {
      const code = text.charCodeAt(index)
      index += code >= 0xd800 && code <= 0xdbff && index + 1 < to ? 2 : 1
      tokens.push(tokenOf('symbol', start, index, false))
    }
  }
  return tokens
}
