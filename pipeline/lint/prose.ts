/**
 * The prose of a document, for linting: the input with every character that
 * is not prose (code, URLs, markup, front matter) replaced by a space. Line
 * breaks stay, so every offset, line and column of a finding is the input's.
 */
import {fromHtml} from 'hast-util-from-html'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

export type Format = 'text' | 'markdown' | 'html'

/** An HTML comment (`<!-- … -->`), for inline suppressions. */
export interface Comment {
  /** Offset of `<!--`. */
  start: number
  /** Offset after `-->`. */
  end: number
  /** The text between the delimiters. */
  value: string
}

export interface Prose {
  /** The input with non-prose characters replaced by spaces; same length. */
  text: string
  /** `masked[i]` is 1 where the input character is not prose. */
  masked: Uint8Array
  comments: Comment[]
  /** True for HTML, where runs of whitespace render as one space. */
  whitespaceInsignificant: boolean
}

/** The format of a path, by extension (`.md`, `.markdown`, `.html`, `.htm`; else text). */
export function formatOf(path: string | undefined): Format {
  const lower = (path ?? '').toLowerCase()
  if (/\.(?:md|markdown|mdown|mkd)$/.test(lower)) return 'markdown'
  if (/\.x?html?$/.test(lower)) return 'html'
  return 'text'
}

// One quantifier over one class: linear.
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]+/gi

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13

/** Extract the prose of `input` in `format`. */
export function extractProse(input: string, format: Format): Prose {
  const masked = new Uint8Array(input.length)
  const comments: Comment[] = []
  if (format === 'markdown') maskMarkdown(input, masked, comments)
  else if (format === 'html') maskHtml(input, masked, comments)
  for (const match of input.matchAll(urlPattern)) {
    masked.fill(1, match.index, match.index + match[0].length)
  }
  const parts: string[] = []
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i)
    parts.push(masked[i] === 1 && code !== 10 && code !== 13 ? ' ' : (input[i] ?? ''))
  }
  return {text: parts.join(''), masked, comments, whitespaceInsignificant: format === 'html'}
}

/** True when any of `[start, end)` is masked. */
export function touchesMask(prose: Prose, start: number, end: number): boolean {
  for (let i = start; i < Math.max(end, start + 1) && i < prose.masked.length; i++) {
    if (prose.masked[i] === 1) return true
  }
  return false
}

/** True when all of `[start, end)` is masked. */
export function insideMask(prose: Prose, start: number, end: number): boolean {
  for (let i = start; i < Math.max(end, start + 1) && i < prose.masked.length; i++) {
    if (prose.masked[i] !== 1) return false
  }
  return true
}

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

/**
 * Unmask the characters of `source[start, end)` that spell `value`, in order:
 * escapes, entities and markup in between stay masked.
 */
function unmaskAligned(
  input: string,
  masked: Uint8Array,
  value: string,
  start: number,
  end: number,
): void {
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

function maskOnly(masked: Uint8Array, input: string, start: number, end: number): void {
  // Between nodes, only markup is masked; whitespace keeps paragraphs apart.
  for (let i = start; i < end; i++) masked[i] = isSpace(input.charCodeAt(i)) ? 0 : 1
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

/** Markdown nodes that are not prose, whitespace included. */
const codeLike = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath'])

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

function maskMarkdown(input: string, masked: Uint8Array, comments: Comment[]): void {
  maskOnly(masked, input, 0, input.length)
  const tree = markdown.parse(input) as Node
  const walk = (node: Node): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (
      node.type === 'text' &&
      node.value !== undefined &&
      start !== undefined &&
      end !== undefined
    ) {
      unmaskAligned(input, masked, node.value, start, end)
      return
    }
    if (codeLike.has(node.type)) {
      if (start !== undefined && end !== undefined) {
        masked.fill(1, start, end)
        if (node.type === 'html') collectComments(input.slice(start, end), start, comments)
      }
      return
    }
    // A link whose text is its address (an autolink) is a URL, not prose.
    if (node.type === 'link' && node.children?.length === 1) {
      const only = node.children[0]
      if (only?.type === 'text' && node.url !== undefined && node.url.endsWith(only.value ?? '\0'))
        return
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree)
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

function maskHtml(input: string, masked: Uint8Array, comments: Comment[]): void {
  maskOnly(masked, input, 0, input.length)
  const tree = fromHtml(input) as unknown as Node
  const walk = (node: Node): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (
      node.type === 'text' &&
      node.value !== undefined &&
      start !== undefined &&
      end !== undefined
    ) {
      unmaskAligned(input, masked, node.value, start, end)
      return
    }
    if (node.type === 'comment' && start !== undefined && end !== undefined) {
      comments.push({start, end, value: node.value ?? ''})
      return
    }
    if (node.type === 'element' && nonProse.has(node.tagName ?? '')) {
      if (start !== undefined && end !== undefined) masked.fill(1, start, end)
      return
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree)
}
