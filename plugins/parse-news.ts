import type {
  Paragraph,
  Punctuation,
  Root,
  Sentence,
  Symbol as SymbolNode,
  Text,
  WhiteSpace,
  Word,
} from 'nlcst'
import type {Plugin} from 'unified'
import type {Point, Position} from 'unist'
import {sentenceBreaks} from './util/news-sentences.js'
import {charClass, classAt, isSpaceAt, type Token, tokenize} from './util/news-tokens.js'
import {shareView, TextView} from './util/text-view.js'
import {arrayOfOne, emptyArray} from './util/unsited.js'

// Every object of the tree is made from `{}`, field by field, and every array
// by `emptyArray`/`arrayOfOne`: literals would give V8 allocation sites it may
// "pretenure" for the life of the process (see util/unsited.ts). The fields
// go in one order per kind of node, so each kind keeps one object shape.

function pointOf(line: number, column: number, offset: number): Point {
  const point = {} as Point
  point.line = line
  point.column = column
  point.offset = offset
  return point
}

function positionOf(start: Point, end: Point): Position {
  const position = {} as Position
  position.start = start
  position.end = end
  return position
}

type Parent = Root | Paragraph | Sentence | Word

function parentOf<Node extends Parent>(
  type: Node['type'],
  children: Node['children'],
  position: Position | undefined,
): Node {
  const node = {} as Node
  node.type = type
  node.children = children
  node.position = position
  return node
}

/**
 * Turns offsets into unist points. Offsets must be asked for in order (never
 * smaller than the one before), which keeps the whole parse linear.
 */
class Points {
  private line = 0
  private readonly lineStarts: number[] = [0]
  // The end of one node is the start of the next: the same offset gives the
  // same (never mutated) point object, a third fewer objects in the tree.
  private last: Point | undefined

  private readonly firstLine: number

  /**
   * Points of `text` from `from` to `to`, where `from` is on line `firstLine`;
   * `newlinesOnly` tells that no `\r` is in that part.
   */
  constructor(text: string, from: number, to: number, firstLine: number, newlinesOnly: boolean) {
    this.firstLine = firstLine
    let lineStart = from
    while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--
    this.lineStarts[0] = lineStart
    if (newlinesOnly) {
      // `indexOf` finds line feeds far faster than a loop over every character.
      for (let index = text.indexOf('\n', from); index !== -1 && index < to; ) {
        this.lineStarts.push(index + 1)
        index = text.indexOf('\n', index + 1)
      }
      return
    }
    // Line breaks as `vfile-location` counts them: `\r\n`, `\n` or `\r`.
    for (let index = from; index < to; index++) {
      const code = text.charCodeAt(index)
      if (code === 13 && text.charCodeAt(index + 1) === 10) index++
      if (code === 10 || code === 13) this.lineStarts.push(index + 1)
    }
  }

  at(offset: number): Point {
    if (this.last?.offset === offset) return this.last
    const starts = this.lineStarts
    while (this.line + 1 < starts.length && (starts[this.line + 1] ?? 0) <= offset) this.line++
    this.last = pointOf(this.line + this.firstLine, offset - (starts[this.line] ?? 0) + 1, offset)
    return this.last
  }
}

type Leaf = Text | WhiteSpace | Punctuation | SymbolNode
type SentenceChild = Sentence['children'][number]

function leaf<Kind extends Leaf['type']>(
  type: Kind,
  text: string,
  start: number,
  end: number,
  points: Points,
): Extract<Leaf, {type: Kind}> {
  return leafOf(type, text.slice(start, end), positionOf(points.at(start), points.at(end)))
}

function leafOf<Kind extends Leaf['type']>(
  type: Kind,
  value: string,
  position: Position,
): Extract<Leaf, {type: Kind}> {
  const node = {} as Extract<Leaf, {type: Kind}>
  node.type = type
  node.value = value
  node.position = position
  return node
}

/** A word: runs of letters and figures as text, inner punctuation (`'`, `-`, `.`) as punctuation. */
function word(text: string, token: Token, points: Points): Word {
  if (token.plain) {
    // Word and text share one position: nothing in the pipeline mutates positions.
    const position = positionOf(points.at(token.start), points.at(token.end))
    // An array of one has room for its one child; an empty array grows to
    // sixteen slots on its first push, which was most of a word's memory.
    const child = leafOf('TextNode', text.slice(token.start, token.end), position)
    return parentOf<Word>('WordNode', arrayOfOne<Word['children'][number]>(child), position)
  }
  const children = emptyArray<Word['children'][number]>()
  let run = token.start
  for (let index = token.start; index < token.end; index++) {
    const kind = classAt(text, index)
    if (kind === charClass.alnum) continue
    if (run < index) children.push(leaf('TextNode', text, run, index, points))
    const type = kind === charClass.punctuation ? 'PunctuationNode' : 'SymbolNode'
    children.push(leaf(type, text, index, index + 1, points))
    run = index + 1
  }
  if (run < token.end) children.push(leaf('TextNode', text, run, token.end, points))
  return parentOf<Word>('WordNode', children, spanOf(children))
}

function spanOf(children: ReadonlyArray<{position?: Position | undefined}>): Position | undefined {
  const first = children[0]?.position
  const last = children.at(-1)?.position
  return first && last ? positionOf(first.start, last.end) : undefined
}

/** One paragraph (a line without its surrounding white space) as sentences. */
function paragraph(text: string, from: number, to: number, points: Points): Paragraph {
  const tokens = tokenize(text, from, to)
  const breaks = sentenceBreaks(text, tokens)
  const children = emptyArray<Paragraph['children'][number]>()
  let sentence = emptyArray<SentenceChild>()
  let nextBreak = 0
  const close = (): void => {
    if (sentence.length > 0) {
      children.push(parentOf<Sentence>('SentenceNode', sentence, spanOf(sentence)))
      sentence = emptyArray<SentenceChild>()
    }
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (breaks[nextBreak] === index) {
      nextBreak++
      close()
      children.push(leaf('WhiteSpaceNode', text, token.start, token.end, points))
      continue
    }
    if (token.kind === 'word') sentence.push(word(text, token, points))
    else if (token.kind === 'space')
      sentence.push(leaf('WhiteSpaceNode', text, token.start, token.end, points))
    else if (token.kind === 'punctuation')
      sentence.push(leaf('PunctuationNode', text, token.start, token.end, points))
    else sentence.push(leaf('SymbolNode', text, token.start, token.end, points))
  }
  close()
  return parentOf<Paragraph>('ParagraphNode', children, spanOf(children))
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13
}

/** A part of a text to parse: `[start, end)`, starting on line `line` (1-based). */
export interface TextSlice {
  readonly start: number
  readonly end: number
  readonly line: number
}

/**
 * Parse `text` into an NLCST tree: one paragraph a line, the white space
 * between lines (with blank lines and the spaces that end and open lines) as
 * white-space nodes of the root, news-aware sentences inside each paragraph.
 * Every node has an exact position; the tree's text is `text`, character for
 * character.
 */
export function parseNewsText(text: string): Root {
  return parseNewsSlice(text, {start: 0, end: text.length, line: 1})
}

/**
 * Parse the part `slice` of `text` as {@link parseNewsText} parses a whole
 * text, with positions (offset, line, column) in the whole text. A slice that
 * starts and ends at line breaks gets the nodes the whole text's tree has there.
 */
export function parseNewsSlice(text: string, slice: TextSlice): Root {
  return parseSlice(text, slice, undefined)
}

/** {@link parseNewsSlice}, noting where each child of the root starts in `rootStarts` when given. */
function parseSlice(text: string, slice: TextSlice, rootStarts: number[] | undefined): Root {
  const end = slice.end
  // Searched within the slice only: a search to the end of the whole text,
  // part after part, made a long text's parse quadratic in its parts.
  const newlinesOnly = !text.slice(slice.start, end).includes('\r')
  const points = new Points(text, slice.start, end, slice.line, newlinesOnly)
  const start = points.at(slice.start)
  const children = emptyArray<Root['children'][number]>()
  let index = slice.start
  while (index < end) {
    const gapStart = index
    while (index < end && isSpaceAt(text, index)) index++
    if (index > gapStart) {
      rootStarts?.push(gapStart - slice.start)
      children.push(leaf('WhiteSpaceNode', text, gapStart, index, points))
    }
    if (index >= end) break
    const lineStart = index
    if (newlinesOnly) {
      const lineFeed = text.indexOf('\n', index)
      index = lineFeed === -1 || lineFeed > end ? end : lineFeed
    } else {
      while (index < end && !isLineBreak(text.charCodeAt(index))) index++
    }
    let lineEnd = index
    while (lineEnd > lineStart && isSpaceAt(text, lineEnd - 1)) lineEnd--
    rootStarts?.push(lineStart - slice.start)
    children.push(paragraph(text, lineStart, lineEnd, points))
    index = lineEnd
  }
  return parentOf<Root>('RootNode', children, positionOf(start, points.at(end)))
}

export interface Options {
  /**
   * Hand the tree to copydesk's cleaners with its text view made (their
   * shared `viewOf`), so that the first of them need not check the tree
   * against the text leaf by leaf (default: `false`). Only for a chain in
   * which every plugin that edits the tree before the cleaners keeps that
   * view (copydesk's own plugins do, through `applyEdits`): a view made at
   * parse time would not see another plugin's edits.
   */
  readonly shareView?: boolean | null | undefined
}

/**
 * Unified parser for news text: a standard NLCST tree (root, paragraphs,
 * sentences, words, white space, punctuation, symbols) with positions on every
 * node, so every retext plugin works on it, and sentence ends that know news
 * abbreviations, initials, times, party tags and list markers.
 */
const parseNews: Plugin<[(Readonly<Options> | null | undefined)?], string, Root> = function (
  options,
) {
  this.parser = options?.shareView ? parseWithView : parseNewsText
}

/**
 * Parse and make the tree's shared view: the tree spells `text` (the parser
 * makes it so), every leaf has a value and a position, and no parent but
 * the root of an empty text is empty: all that `viewOf`'s check learns.
 */
function parseWithView(text: string): Root {
  const rootStarts: number[] = []
  const tree = parseSlice(text, {start: 0, end: text.length, line: 1}, rootStarts)
  // The root is the one parent that can be empty (an empty text).
  const hasEmptyParent = tree.children.length === 0
  shareView(TextView.spelling(tree, text, {rootStarts, plain: true, hasEmptyParent}))
  return tree
}

export default parseNews
