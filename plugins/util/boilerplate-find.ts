/**
 * Runs compiled boilerplate rules over a text and returns the spans they
 * claim, tidied: whole lines leave no blank lines behind, cuts inside a line
 * leave no doubled space.
 */
import {
  coversWholeLines,
  type Line,
  type Paragraph,
  paragraphsOf,
  type Span,
  splitLines,
  widenLineCuts,
} from './boilerplate-lines.js'
import {mayMatch} from './boilerplate-needles.js'
import type {CompiledRule, Rule} from './boilerplate-rules.js'
import {isHeadlineShaped, isLabelledLinks, isProse} from './boilerplate-shapes.js'

/** A span one rule claims (text offsets). */
export interface BoilerplateSpan extends Span {
  readonly rule: Rule
}

interface Context {
  readonly text: string
  readonly lines: readonly Line[]
  readonly paragraphs: readonly Paragraph[]
  /** Paragraph index of every line (-1 for blank lines). */
  readonly paragraphOf: readonly number[]
}

/** Longest span of a tweet's text, in characters (Twitter's limit). */
const tweetLength = 280
/** Longest tweet body with its links and line breaks, in characters. */
const tweetBodyLimit = 600

function lineSpan(lines: readonly Line[], first: number, last: number): Span | undefined {
  const from = lines[first]
  const to = lines[last]
  return from && to ? {start: from.contentStart, end: to.contentEnd} : undefined
}

function matchingLines(context: Context, pattern: RegExp | undefined): Line[] {
  if (!pattern) return []
  return context.lines.filter((line) => !line.blank && pattern.test(line.content))
}

function findText(context: Context, pattern: RegExp | undefined): Span[] {
  if (!pattern) return []
  const spans: Span[] = []
  for (const match of context.text.matchAll(pattern)) {
    const [start, end] = match.indices?.groups?.cut ?? [match.index, match.index + match[0].length]
    if (end > start) spans.push({start, end})
  }
  return spans
}

function findBlock(context: Context, compiled: CompiledRule): Span[] {
  const spans: Span[] = []
  const maxLines = compiled.rule.maxLines ?? 20
  for (const line of matchingLines(context, compiled.pattern)) {
    let last = line.index
    for (let k = line.index + 1; k <= line.index + maxLines; k++) {
      const next = context.lines[k]
      if (!next) break
      if (!next.blank && compiled.until?.test(next.content)) {
        const span = lineSpan(context.lines, line.index, last)
        if (span) spans.push(span)
        break
      }
      if (!next.blank) last = k
    }
  }
  return spans
}

function findList(context: Context, compiled: CompiledRule): Span[] {
  const spans: Span[] = []
  const maxLines = compiled.rule.maxLines ?? 20
  for (const line of matchingLines(context, compiled.pattern)) {
    let last = line.index
    let items = 0
    for (let k = line.index + 1; k < context.lines.length && items < maxLines; k++) {
      const next = context.lines[k]
      if (!next || next.blank) continue
      if (!isHeadlineShaped(next)) break
      last = k
      items++
    }
    const span = lineSpan(context.lines, line.index, last)
    if (span) spans.push(span)
  }
  return spans
}

function findTail(context: Context, compiled: CompiledRule): Span[] {
  const maxChars = compiled.rule.maxChars ?? 1000
  const line = matchingLines(context, compiled.pattern)[0]
  if (!line || context.text.length - line.start > maxChars) return []
  return [{start: line.contentStart, end: context.text.trimEnd().length}]
}

function linesOf(context: Context, paragraph: Paragraph | undefined): Line[] {
  return paragraph ? context.lines.slice(paragraph.first, paragraph.last + 1) : []
}

function charsOf(lines: readonly Line[]): number {
  let total = 0
  for (const line of lines) {
    total += line.content.length + 1
    if (total > tweetBodyLimit) break
  }
  return total
}

function textOf(lines: readonly Line[]): string {
  return lines.map((line) => line.content).join(' ')
}

function findTweets(context: Context, compiled: CompiledRule): Span[] {
  const spans: Span[] = []
  for (const line of matchingLines(context, compiled.pattern)) {
    const at = context.paragraphOf[line.index] ?? -1
    const paragraph = context.paragraphs[at]
    if (!paragraph) continue
    // The tweet's text: the lines above the attribution in its paragraph, or
    // else the paragraph before.
    const inPlace = paragraph.first < line.index
    const bodyIndex = inPlace ? at : at - 1
    const body = inPlace
      ? context.lines.slice(Math.max(paragraph.first, line.index - 8), line.index)
      : linesOf(context, context.paragraphs[bodyIndex])
    const first = body[0]
    // A tweet is short: a long "body" is prose, and skipping it early keeps a
    // paragraph of many attribution lines from being read once per line.
    if (!first || charsOf(body) > tweetBodyLimit || !compiled.link?.test(textOf(body))) continue
    let start = first.contentStart
    // A tweet whose last paragraph is a label and links (`Photo: https://t.co/…
    // pic.twitter.com/…`) has its words in the paragraph before.
    const earlier = linesOf(context, context.paragraphs[bodyIndex - 1])
    if (
      isLabelledLinks(textOf(body)) &&
      earlier[0] &&
      textOf(earlier).length + textOf(body).length <= tweetLength
    ) {
      start = earlier[0].contentStart
    }
    spans.push({start, end: line.contentEnd})
  }
  return spans
}

function findHeadlineRuns(context: Context, compiled: CompiledRule): Span[] {
  const spans: Span[] = []
  const maxItems = compiled.rule.maxLines ?? 6
  const qualifies = (paragraph: Paragraph): boolean => {
    const line = context.lines[paragraph.first]
    return paragraph.first === paragraph.last && line !== undefined && isHeadlineShaped(line)
  }
  const paragraphs = context.paragraphs
  let i = 0
  while (i < paragraphs.length) {
    const start = paragraphs[i]
    if (!start || !qualifies(start)) {
      i++
      continue
    }
    let j = i
    while (paragraphs[j + 1] && qualifies(paragraphs[j + 1] as Paragraph)) j++
    const count = j - i + 1
    const before = linesOf(context, paragraphs[i - 1])
    const after = linesOf(context, paragraphs[j + 1])
    const end = paragraphs[j]
    if (count >= 2 && count <= maxItems && isProse(before) && isProse(after) && end) {
      const span = lineSpan(context.lines, start.first, end.last)
      if (span) spans.push(span)
    }
    i = j + 1
  }
  return spans
}

function spansOf(context: Context, compiled: CompiledRule): Span[] {
  switch (compiled.rule.kind) {
    case 'line':
      return matchingLines(context, compiled.pattern).map((line) => ({
        start: line.contentStart,
        end: line.contentEnd,
      }))
    case 'text':
      return findText(context, compiled.pattern)
    case 'block':
      return findBlock(context, compiled)
    case 'list':
      return findList(context, compiled)
    case 'tail':
      return findTail(context, compiled)
    case 'tweet':
      return findTweets(context, compiled)
    case 'headline-run':
      return findHeadlineRuns(context, compiled)
  }
}

/**
 * Every span the rules claim in `text`, sorted, without overlaps (an earlier,
 * then a longer span wins), widened or trimmed so the cut is tidy.
 */
export function findBoilerplate(text: string, rules: readonly CompiledRule[]): BoilerplateSpan[] {
  const lines = splitLines(text)
  const paragraphs = paragraphsOf(lines)
  const paragraphOf = lines.map(() => -1)
  paragraphs.forEach((paragraph, index) => {
    for (let k = paragraph.first; k <= paragraph.last; k++) paragraphOf[k] = index
  })
  const context: Context = {text, lines, paragraphs, paragraphOf}
  const claimed: BoilerplateSpan[] = []
  const seen = new Map<string, boolean>()
  for (const compiled of rules) {
    if (!mayMatch(text, compiled.needles, seen)) continue
    for (const span of spansOf(context, compiled)) claimed.push({...span, rule: compiled.rule})
  }
  claimed.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: BoilerplateSpan[] = []
  for (const span of claimed) {
    const previous = kept.at(-1)
    // Overlapping claims: the first (then longest) wins; the other is dropped,
    // never merged, so no removal grows beyond what one rule saw.
    if (previous && span.start < previous.end) continue
    kept.push({...span})
  }
  const whole: BoilerplateSpan[] = []
  const inLine: BoilerplateSpan[] = []
  for (const span of kept) (coversWholeLines(text, span) ? whole : inLine).push(span)
  widenLineCuts(text, whole)
  for (const span of inLine) tidyInline(text, span)
  return kept
}

const closers = new Set([' ', '\n', '.', ',', ';', ':', '!', '?', ')'])

/** Take one space beside a cut inside a line, so no doubled space is left. */
function tidyInline(text: string, span: Span): void {
  if (
    text[span.start - 1] === ' ' &&
    (span.end === text.length || closers.has(text[span.end] ?? ''))
  ) {
    span.start--
  } else if (text[span.end] === ' ' && (span.start === 0 || text[span.start - 1] === '\n')) {
    span.end++
  }
}
