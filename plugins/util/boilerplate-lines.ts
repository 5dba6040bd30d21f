/**
 * Lines and paragraphs of a text, and the tidy cut for removals of whole
 * lines: a removed line takes one line break with it, so the text keeps its
 * paragraph structure and no blank lines pile up where it stood.
 */

/** One line of the text (offsets into it; `end` excludes the line break). */
export interface Line {
  readonly index: number
  readonly start: number
  readonly end: number
  /** Where the line's content starts and ends (leading and trailing spaces aside). */
  readonly contentStart: number
  readonly contentEnd: number
  /** The content: the line without leading and trailing spaces. */
  readonly content: string
  readonly blank: boolean
}

const isSpace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u00a0'

/** Split `text` into lines, one scan. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let contentStart = start
    while (contentStart < end && isSpace(text[contentStart])) contentStart++
    let contentEnd = end
    while (contentEnd > contentStart && isSpace(text[contentEnd - 1])) contentEnd--
    lines.push({
      index: lines.length,
      start,
      end,
      contentStart,
      contentEnd,
      content: text.slice(contentStart, contentEnd),
      blank: contentStart === contentEnd,
    })
    start = end + 1
  }
  return lines
}

/** A run of non-blank lines between blank lines. */
export interface Paragraph {
  readonly first: number
  readonly last: number
}

/** Group lines into paragraphs (runs of non-blank lines). */
export function paragraphsOf(lines: readonly Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let first = -1
  for (const line of lines) {
    if (line.blank) {
      if (first !== -1) paragraphs.push({first, last: line.index - 1})
      first = -1
    } else if (first === -1) {
      first = line.index
    }
  }
  if (first !== -1) paragraphs.push({first, last: lines.length - 1})
  return paragraphs
}

/** A span to remove, in text offsets. */
export interface Span {
  start: number
  end: number
}

const isWhite = (ch: string | undefined): boolean => ch === '\n' || isSpace(ch)

/** Whether `span` covers whole lines (only spaces beside it on its first and last line). */
export function coversWholeLines(text: string, span: Span): boolean {
  let before = span.start
  while (before > 0 && isSpace(text[before - 1])) before--
  let after = span.end
  while (after < text.length && isSpace(text[after])) after++
  return (
    (before === 0 || text[before - 1] === '\n') && (after === text.length || text[after] === '\n')
  )
}

/**
 * Widen whole-line removals so that the text around them stays tidy.
 * Spans must be sorted and not overlap. Neighbouring spans with only
 * whitespace between them are treated as one group; a group
 * - at the end of the text takes the line breaks before it (the text's
 *   final line break, if any, stays);
 * - after a blank line (or at the start) takes the lines up to the next
 *   content, whose indentation stays;
 * - inside a paragraph takes the line break before it, so the break after it
 *   (a paragraph break or a line break) stays as it was.
 */
export function widenLineCuts(text: string, spans: Span[]): void {
  let i = 0
  while (i < spans.length) {
    let j = i
    while (
      j + 1 < spans.length &&
      onlyWhitespace(text, spans[j]?.end ?? 0, spans[j + 1]?.start ?? 0)
    )
      j++
    const first = spans[i]
    const last = spans[j]
    if (!first || !last) break
    // Inside the group, each span runs up to the next one.
    for (let k = i; k < j; k++) {
      const span = spans[k]
      const next = spans[k + 1]
      if (span && next) span.end = next.start
    }
    let previous = first.start
    while (previous > 0 && isWhite(text[previous - 1])) previous--
    let next = last.end
    while (next < text.length && isWhite(text[next])) next++
    const breaksBefore = countBreaks(text, previous, first.start)
    if (next === text.length) {
      // Last in the text: the breaks before it go, the text's own ending stays.
      first.start = previous
    } else if (previous === 0 || breaksBefore >= 2) {
      first.start = lineStartOf(text, first.start)
      last.end = lineStartOf(text, next)
    } else {
      first.start = previous
    }
    i = j + 1
  }
}

function onlyWhitespace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isWhite(text[k])) return false
  return from <= to
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let k = from; k < to; k++) if (text[k] === '\n') count++
  return count
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}
