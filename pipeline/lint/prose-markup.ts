/**
 * Masking markup: which characters of a markdown or HTML file are prose.
 * Text nodes are unmasked character by character where their value matches
 * the source (escapes and entities stay masked); code, HTML, front matter and
 * autolinks stay masked whole. Trees are walked without recursion, so deep
 * nesting cannot overflow the stack.
 */
import {fromHtml} from 'hast-util-from-html'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Comment} from './prose.js'

interface Node {
  type: string
  value?: string
  url?: string
  tagName?: string
  children?: Node[]
  position?: {start: {offset?: number}; end: {offset?: number}}
}

/** How far ahead a decoded character is looked for in its source (entities, escapes). */
const lookahead = 12

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13

/** Visit every node depth-first; `enter` returns false to skip a node's children. */
function walk(root: Node, enter: (node: Node) => boolean): void {
  const stack: Node[] = [root]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!enter(node)) continue
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child) stack.push(child)
    }
  }
}

/**
 * Unmask the characters of `input[start, end)` that spell `value`, in order:
 * escapes, entities and markup in between stay masked.
 */
function unmaskAligned(input: string, masked: Uint8Array, node: Node): void {
  const value = node.value ?? ''
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  let at = start
  for (const char of value) {
    let found = -1
    for (let i = at; i < end && i < at + lookahead; i++) {
      if (input.startsWith(char, i)) {
        found = i
        break
      }
    }
    if (found === -1) continue // decoded from something longer (an entity): leave it masked
    masked.fill(0, found, found + char.length)
    at = found + char.length
  }
}

function maskRange(masked: Uint8Array, node: Node): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return false
  masked.fill(1, start, end)
  return true
}

/** Between nodes only markup is masked: whitespace keeps paragraphs apart. */
function maskNonSpace(masked: Uint8Array, input: string): void {
  for (let i = 0; i < input.length; i++) masked[i] = isSpace(input.charCodeAt(i)) ? 0 : 1
}

function collectComments(value: string, offset: number, comments: Comment[]): void {
  let from = 0
  for (;;) {
    const open = value.indexOf('<!--', from)
    if (open === -1) return
    const close = value.indexOf('-->', open + 4)
    if (close === -1) return
    comments.push({
      start: offset + open,
      end: offset + close + 3,
      value: value.slice(open + 4, close),
    })
    from = close + 3
  }
}

/**
 * The markdown parser looks for the end of every inline `<!--` to the end of
 * its paragraph, so many unclosed ones cost quadratic time. An inline opener
 * with no `-->` before the next blank line cannot be a comment: spell it
 * `<!  ` (same length) for the parser.
 */
function neutraliseUnclosedComments(input: string): string {
  const parts: string[] = []
  let at = 0
  let close = -1 // the next `-->`, or Infinity when there is none left
  let blank = -1 // the next blank line, or Infinity
  for (let open = input.indexOf('<!--'); open !== -1; open = input.indexOf('<!--', open + 4)) {
    if (startsLine(input, open)) continue // a block comment: the parser reads it line by line
    if (close !== Number.POSITIVE_INFINITY && close < open) {
      const found = input.indexOf('-->', open + 4)
      close = found === -1 ? Number.POSITIVE_INFINITY : found
    }
    if (blank !== Number.POSITIVE_INFINITY && blank < open) blank = nextBlankLine(input, open)
    if (close > blank || close === Number.POSITIVE_INFINITY) {
      parts.push(input.slice(at, open), '<!  ')
      at = open + 4
    }
  }
  parts.push(input.slice(at))
  return parts.join('')
}

/** True when only up to three spaces stand between the line start and `index`. */
function startsLine(input: string, index: number): boolean {
  let i = index - 1
  while (i >= 0 && index - i <= 4 && input[i] === ' ') i--
  return index - i <= 4 && (i < 0 || input[i] === '\n')
}

/** Offset of the next line break that ends a blank line, from `from` on (Infinity if none). */
function nextBlankLine(input: string, from: number): number {
  let lineBreak = input.indexOf('\n', from)
  while (lineBreak !== -1) {
    let i = lineBreak + 1
    while (input[i] === ' ' || input[i] === '\t') i++
    if (input[i] === '\n') return lineBreak
    lineBreak = input.indexOf('\n', i)
  }
  return Number.POSITIVE_INFINITY
}

/** Markdown nodes that are not prose, whitespace included. */
const codeLike = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath'])

// CommonMark with front matter. Not GFM: its strikethrough resolver is quadratic on runs of `~~`, and
// bare URLs, which GFM would link, are masked for every format anyway.
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])

export function maskMarkdown(input: string, masked: Uint8Array, comments: Comment[]): void {
  maskNonSpace(masked, input)
  const tree = markdown.parse(neutraliseUnclosedComments(input)) as Node
  walk(tree, (node) => {
    if (node.type === 'text') {
      unmaskAligned(input, masked, node)
      return false
    }
    if (codeLike.has(node.type)) {
      if (maskRange(masked, node) && node.type === 'html') {
        const start = node.position?.start.offset ?? 0
        collectComments(input.slice(start, node.position?.end.offset), start, comments)
      }
      return false
    }
    // A link whose text is its address (an autolink) is a URL, not prose.
    const only = node.type === 'link' && node.children?.length === 1 ? node.children[0] : undefined
    return !(only?.type === 'text' && node.url?.endsWith(only.value ?? '\0'))
  })
}

/** Elements whose text is not prose. */
const nonProse = new Set([
  'script',
  'style',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'noscript',
  'template',
  'textarea',
  'svg',
  'math',
])

/** When the HTML tree cannot be built (absurd nesting): mask every tag, keep the rest. */
function maskTags(input: string, masked: Uint8Array): void {
  for (let open = input.indexOf('<'); open !== -1; open = input.indexOf('<', open + 1)) {
    const close = input.indexOf('>', open)
    const end = close === -1 ? input.length : close + 1
    masked.fill(1, open, end)
    open = end - 1
  }
}

export function maskHtml(input: string, masked: Uint8Array, comments: Comment[]): void {
  maskNonSpace(masked, input)
  let tree: Node
  try {
    tree = fromHtml(input) as unknown as Node
  } catch {
    masked.fill(0)
    maskTags(input, masked)
    return
  }
  walk(tree, (node) => {
    if (node.type === 'text') {
      unmaskAligned(input, masked, node)
      return false
    }
    if (node.type === 'comment') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined)
        comments.push({start, end, value: node.value ?? ''})
      return false
    }
    if (node.type === 'element' && nonProse.has(node.tagName ?? '')) {
      maskRange(masked, node)
      return false
    }
    return true
  })
}
