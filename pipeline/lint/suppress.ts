/**
 * Suppressions that live in the text or the config: inline
 * `<!-- copydesk-disable rule -->` … `<!-- copydesk-enable rule -->` comments,
 * quoted speech, and accepted terms.
 */
import type {Comment} from './prose.js'

/** A range of the input where a rule (or `*`, every rule) is off. */
export interface DisabledRange {
  readonly rule: string
  readonly start: number
  readonly end: number
}

// One directive word, then the rest: no nested or adjacent quantifiers.
const directivePattern = /^\s*copydesk-(disable-next-line|disable|enable)\b([\s\S]*)$/

/**
 * Ranges turned off by comments. `copydesk-disable` with no rules turns off
 * every rule until `copydesk-enable`; an unclosed disable runs to the end;
 * `copydesk-disable-next-line` covers the line after the comment's.
 */
export function disabledRanges(comments: readonly Comment[], text: string): DisabledRange[] {
  const ranges: DisabledRange[] = []
  const open = new Map<string, number>()
  for (const comment of [...comments].sort((a, b) => a.start - b.start)) {
    const match = directivePattern.exec(comment.value)
    if (!match) continue
    const rules = (match[2] ?? '').split(/[\s,]+/).filter(Boolean)
    const names = rules.length > 0 ? rules : ['*']
    if (match[1] === 'disable-next-line') {
      const lineEnd = text.indexOf('\n', comment.end)
      const start = lineEnd === -1 ? text.length : lineEnd + 1
      const nextEnd = text.indexOf('\n', start)
      for (const rule of names)
        ranges.push({rule, start, end: nextEnd === -1 ? text.length : nextEnd})
    } else if (match[1] === 'disable') {
      for (const rule of names) if (!open.has(rule)) open.set(rule, comment.end)
    } else {
      // A bare enable closes everything that is open.
      const closing = rules.length > 0 ? rules : [...open.keys()]
      for (const rule of closing) {
        const start = open.get(rule)
        if (start === undefined) continue
        ranges.push({rule, start, end: comment.start})
        open.delete(rule)
      }
    }
  }
  for (const [rule, start] of open) ranges.push({rule, start, end: text.length})
  return ranges
}

/** True when a finding of `ruleId` from `source` at `offset` is turned off by a range. */
export function isDisabled(
  ranges: readonly DisabledRange[],
  ruleId: string,
  source: string,
  offset: number,
): boolean {
  return ranges.some(
    (range) =>
      (range.rule === '*' || range.rule === ruleId || range.rule === source) &&
      offset >= range.start &&
      offset < range.end,
  )
}

/**
 * Spans of quoted speech: “…” pairs and "…" pairs, never across a blank line
 * (an unclosed quote in one paragraph must not swallow the next).
 */
export function quoteRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let curly = -1
  let straight = -1
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n' && text[i + 1] === '\n') {
      curly = -1
      straight = -1
    } else if (char === '\u201C') {
      if (curly === -1) curly = i
    } else if (char === '\u201D') {
      if (curly !== -1) ranges.push([curly, i + 1])
      curly = -1
    } else if (char === '"') {
      if (straight === -1) straight = i
      else {
        ranges.push([straight, i + 1])
        straight = -1
      }
    }
  }
  return ranges
}

/**
 * True when most of `[start, end)` is quoted speech: a word inside a quote,
 * or a sentence that is mostly a quote with a short attribution.
 */
export function isQuoted(ranges: ReadonlyArray<[number, number]>, start: number, end: number) {
  let quoted = 0
  for (const [from, to] of ranges) quoted += Math.max(0, Math.min(end, to) - Math.max(start, from))
  return end > start && quoted * 2 > end - start
}

const edge = /[\s\p{P}]/u

/** The term without spaces and punctuation at either end, case folded. */
function normaliseTerm(term: string): string {
  const chars = [...term]
  let from = 0
  let to = chars.length
  while (from < to && edge.test(chars[from] ?? '')) from++
  while (to > from && edge.test(chars[to - 1] ?? '')) to--
  return chars.slice(from, to).join('').normalize('NFC').toLocaleLowerCase('en')
}

/**
 * True when the found text is exactly one accepted term (case and surrounding
 * punctuation aside). Whole terms only: accepting "slam" does not accept
 * "slammed", and accepting "AI" does not accept "said".
 */
export function isAccepted(actual: string, accept: readonly string[]): boolean {
  if (accept.length === 0) return false
  const found = normaliseTerm(actual)
  return found.length > 0 && accept.some((term) => normaliseTerm(term) === found)
}
