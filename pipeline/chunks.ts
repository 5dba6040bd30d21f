/**
 * Large texts in parts (issue 8). The tree of a text over some 50 KB outlives
 * V8's young generation, and then every plugin pays old-generation garbage
 * collection: time per KB grew 3× from 1 KB to 10 MB. `clean()` therefore
 * cuts a long text at paragraph breaks ("seams") and runs the pipeline on one
 * part at a time, every part on the same file, so that positions, messages
 * and removals already refer to the whole text (chunk-merge.ts joins the rest).
 *
 * A seam is taken only where no rule can see across it: between two lines of
 * prose (the first ends a sentence, the next starts one), at a line break or
 * one blank line that normalise-whitespace leaves as it is, with no boilerplate
 * in the lines around it. Rules that read the start or the end of an article
 * (text rules anchored with `^` or `$`, `tail` rules) run only in the part
 * that holds that start or end.
 */
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import type {TextSlice} from '../plugins/parse-news.js'
import type {Options as BoilerplateOptions} from '../plugins/remove-boilerplate.js'
import {findBoilerplate} from '../plugins/util/boilerplate-find.js'
import {type CompiledRule, selectRules} from '../plugins/util/boilerplate-rules.js'

/** Texts longer than this many characters are cleaned in parts (default of `chunkSize`). */
export const defaultChunkSize = 32 * 1024

/** One part of the text, and the boilerplate rules switched off in it. */
export interface Chunk extends TextSlice {
  readonly rulesOff: readonly string[]
}

/**
 * Lines on each side of a seam that must hold no boilerplate: more than the
 * longest reach of a `block` or `list` rule (`maxLines`, 20 at most in the
 * registry), so no finding can span a seam unseen.
 */
const seamLines = 24
/** At most this many characters on each side are read for that check. */
const seamChars = 8192
/** Seams checked for boilerplate before giving up on cutting the rest of a text. */
const seamTries = 64
/** Spaces of indentation a line after a seam may have. */
const maxIndent = 8

/** What may end the line before a seam: a sentence end, a closing quote or bracket. */
const lineEnds = new Set(['.', '!', '?', '"', '”', '’', "'", ')'])
/** What may open the line after a seam: a capital, a figure or an opening quote. */
const lineStarts = /^[\p{Lu}\p{N}"“‘']/u

interface RuleKinds {
  /** Rules for the check around seams: none that reads the start or end of the text. */
  readonly inner: readonly CompiledRule[]
  /** Ids of text rules anchored at the start of the text (`^` without the `m` flag). */
  readonly atStart: readonly string[]
  /** Ids of text rules anchored at the end of the text (`$` without the `m` flag). */
  readonly atEnd: readonly string[]
  /** `tail` rules: the first matching line decides, if it is near the end. */
  readonly tails: readonly CompiledRule[]
}

const kindsCache = new Map<string, RuleKinds>()

function ruleKinds(options: BoilerplateOptions): RuleKinds {
  const key = JSON.stringify(options)
  const cached = kindsCache.get(key)
  if (cached) return cached
  const rules = selectRules(registry.rules, options.extraRules ?? [], options.rules ?? {})
  const anchored = (rule: CompiledRule['rule'], anchor: '^' | '$'): boolean => {
    const pattern = rule.pattern ?? ''
    const edge = anchor === '^' ? pattern.startsWith('^') : /(?<!\\)\$$/.test(pattern)
    return rule.kind === 'text' && edge && !(rule.flags ?? '').includes('m')
  }
  const atStart = rules.filter(({rule}) => anchored(rule, '^')).map(({rule}) => rule.id)
  const atEnd = rules.filter(({rule}) => anchored(rule, '$')).map(({rule}) => rule.id)
  const tails = rules.filter(({rule}) => rule.kind === 'tail')
  const edges = new Set([...atStart, ...atEnd, ...tails.map(({rule}) => rule.id)])
  const kinds = {inner: rules.filter(({rule}) => !edges.has(rule.id)), atStart, atEnd, tails}
  kindsCache.set(key, kinds)
  return kinds
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0
}

/** Start of the window `lines` lines before `index` (at most `seamChars` back). */
function windowStart(text: string, index: number): number {
  let start = index
  for (let line = 0; line < seamLines && start > 0; line++) {
    start = text.lastIndexOf('\n', start - 1)
    if (start < 0) return 0
  }
  return Math.max(start, index - seamChars)
}

/** End of the window `lines` lines after `index` (at most `seamChars` on). */
function windowEnd(text: string, index: number): number {
  let end = index
  for (let line = 0; line < seamLines && end < text.length; line++) {
    const next = text.indexOf('\n', end + 1)
    end = next < 0 ? text.length : next
  }
  return Math.min(end, index + seamChars)
}

/**
 * The gap `[start, end)` of a seam at the line break `index`, if one can be
 * taken there: one line break, or two (one blank line), between prose lines
 * with no boilerplate around them (`'boilerplate'` when there is some).
 */
function seamAt(
  text: string,
  index: number,
  rules: readonly CompiledRule[],
): {start: number; end: number} | 'boilerplate' | undefined {
  const before = text.charCodeAt(index - 1)
  if (isBlankCode(before) || !lineEnds.has(text[index - 1] ?? '')) return undefined
  const end = text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1
  // An indented line keeps its indentation (normalise-whitespace), so the part starts with it.
  let first = end
  while (first < end + maxIndent && text.charCodeAt(first) === 32) first++
  if (!lineStarts.test(text.slice(first, first + 2))) return undefined
  const window = text.slice(windowStart(text, index), windowEnd(text, end))
  return findBoilerplate(window, rules).length === 0 ? {start: index, end} : 'boilerplate'
}

/** Line breaks in `text` from `start` to `end`, counted as `vfile-location` counts them. */
function lineBreaks(text: string, start: number, end: number): number {
  let count = 0
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++
    if (code === 10 || code === 13) count++
  }
  return count
}

/** Whether a tail rule matches a line of `text` before `end` (lines tidied as the rule reads them). */
function tailBefore(text: string, end: number, rule: CompiledRule): boolean {
  const pattern = rule.pattern
  if (!pattern) return false
  let start = 0
  while (start < end) {
    let stop = text.indexOf('\n', start)
    if (stop < 0 || stop > end) stop = end
    const line = text
      .slice(start, stop)
      .replace(/[ \t\u00a0]+/g, ' ')
      .trim()
    if (line.length > 0 && pattern.test(line)) return true
    start = stop + 1
  }
  return false
}

/**
 * The parts to clean `text` in: one part when it is no longer than `size` or
 * has no safe seam, else parts of at least `size` characters (the last one at
 * least half of that), cut at seams.
 */
export function planChunks(text: string, size: number, options: BoilerplateOptions = {}): Chunk[] {
  if (text.length <= size + (size >> 1))
    return [{start: 0, end: text.length, line: 1, rulesOff: []}]
  const kinds = ruleKinds(options)
  const slices: TextSlice[] = []
  let start = 0
  let line = 1
  while (text.length - start > size + (size >> 1)) {
    let seam: {start: number; end: number} | undefined
    let index = text.indexOf('\n', start + size)
    for (let tries = 0; index > 0 && tries < seamTries && text.length - index > size >> 1; ) {
      const found = seamAt(text, index, kinds.inner)
      if (found === 'boilerplate') tries++
      else if (found) {
        seam = found
        break
      }
      index = text.indexOf('\n', index + 1)
    }
    if (!seam) break
    slices.push({start, end: seam.start, line})
    line += lineBreaks(text, start, seam.end)
    start = seam.end
  }
  slices.push({start, end: text.length, line})
  if (slices.length === 1) return [{...(slices[0] as TextSlice), rulesOff: []}]
  const last = slices.length - 1
  const lastStart = (slices[last] as TextSlice).start
  // A tail rule acts on the first line it matches, so it stays on in the last
  // part only if no earlier line matches it.
  const tailsOff = kinds.tails
    .filter((rule) => tailBefore(text, lastStart, rule))
    .map(({rule}) => rule.id)
  return slices.map((slice, index) => ({
    ...slice,
    rulesOff: [
      ...(index > 0 ? kinds.atStart : []),
      ...(index < last ? [...kinds.atEnd, ...kinds.tails.map(({rule}) => rule.id)] : tailsOff),
    ],
  }))
}

/** The boilerplate options of one part: the caller's, with the part's rules switched off. */
export function chunkBoilerplate(options: BoilerplateOptions, chunk: Chunk): BoilerplateOptions {
  if (chunk.rulesOff.length === 0) return options
  const rules: Record<string, boolean> = {...options.rules}
  for (const id of chunk.rulesOff) rules[id] = false
  return {...options, rules}
}
