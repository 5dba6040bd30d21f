/**
 * The prose of a document, for linting: the input with every character that
 * is not prose (code, URLs, markup, front matter) replaced by a space. Line
 * breaks stay, so every offset, line and column of a finding is the input's.
 */
import {maskHtml, maskMarkdown} from './prose-markup.js'

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
