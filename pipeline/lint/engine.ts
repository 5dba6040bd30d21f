/**
 * Lint one text: run the pipeline in report-only mode on its prose, then
 * apply the config (severity, options, accepted terms) and the inline
 * suppressions to what the plugins reported.
 */
import {createHash} from 'node:crypto'
import {location} from 'vfile-location'
import {isErrorRecord, runRecord} from '../run.js'
import {type LintConfig, resolveRule} from './config.js'
import {type Candidate, candidatesOf} from './findings.js'
import {extractProse, type Format, insideMask, type Prose, touchesMask} from './prose.js'
import {ruleById} from './rules.js'
import {disabledRanges, isAccepted, isDisabled, isQuoted, quoteRanges} from './suppress.js'

/** A replacement `--fix` may apply: offsets into the linted text. */
export interface Fix {
  start: number
  end: number
  text: string
}

/** One finding, as every reporter sees it. */
export interface LintFinding {
  ruleId: string
  source: string
  severity: 'warning' | 'error'
  reason: string
  line: number
  column: number
  endLine: number
  endColumn: number
  /** Offsets into the linted text. */
  start: number
  end: number
  actual: string
  /** Suggested replacements; `['']` deletes, `[]` is advice only. */
  expected: string[]
  /** The safe fix, for fixable rules with one suggestion. */
  fix: Fix | null
  confidence: number | null
  note: string | null
  url: string | null
  /** Stable id for baselines: survives edits elsewhere in the file. */
  fingerprint: string
  /** JSONL: the record the finding is in (its id, or `line N`). */
  record?: string | undefined
  /** Why it is not counted, when suppressed. */
  suppressed?: 'inline' | 'baseline' | undefined
}

export interface LintTextOptions {
  readonly format: Format
  readonly config: LintConfig
  /** Path shown in messages and hashed into fingerprints (relative, `/`-separated). */
  readonly path: string
  readonly record?: string | undefined
}

export interface TextResult {
  /** Findings that count. */
  findings: LintFinding[]
  /** Findings turned off by inline comments. */
  suppressed: LintFinding[]
  /** Set when the pipeline failed on this text. */
  error?: string | undefined
}

/** Fixes need this much confidence from the rule, when it gives one. */
const fixConfidence = 0.9

function isBlank(text: string): boolean {
  return text.trim() === ''
}

function keep(candidate: Candidate, prose: Prose): boolean {
  const edits = candidate.expected.length > 0
  // Never lint code or URLs: drop what lies in them, and any edit that touches them.
  if (insideMask(prose, candidate.start, candidate.end)) return false
  if (edits && touchesMask(prose, candidate.start, candidate.end)) return false
  // Where whitespace renders as one space (HTML), spacing findings are noise.
  if (
    prose.whitespaceInsignificant &&
    isBlank(candidate.actual) &&
    candidate.expected.every(isBlank)
  )
    return false
  return true
}

/**
 * A text file ends with one line break by convention: a deletion that would
 * take it (reported as trailing whitespace at the end) keeps it instead.
 */
function keepFinalLineBreak(candidate: Candidate, input: string): Candidate | undefined {
  if (candidate.end !== input.length || !isBlank(candidate.actual)) return candidate
  if (candidate.expected.length !== 1 || candidate.expected[0] !== '') return candidate
  const lineBreak = candidate.actual.endsWith('\r\n') ? 2 : candidate.actual.endsWith('\n') ? 1 : 0
  if (lineBreak === 0) return candidate
  if (candidate.actual.length === lineBreak) return undefined
  return {
    ...candidate,
    end: candidate.end - lineBreak,
    actual: candidate.actual.slice(0, -lineBreak),
  }
}

/**
 * Lint `input` (a whole file, or one JSONL record's text). A text whose every
 * line ends in CRLF is linted as LF text and its findings mapped back: the
 * CRs are its style, not trailing white space at every line.
 */
export function lintText(input: string, options: LintTextOptions): TextResult {
  if (!isCrlfText(input)) return lintLfText(input, options)
  const result = lintLfText(input.replaceAll('\r\n', '\n'), options)
  const mapBack = crlfMapper(input)
  return {
    ...result,
    findings: result.findings.map(mapBack),
    suppressed: result.suppressed.map(mapBack),
  }
}

function lintLfText(input: string, options: LintTextOptions): TextResult {
  const prose = extractProse(input, options.format)
  const record = runRecord(prose.text, {dryRun: true, path: options.path})
  if (isErrorRecord(record)) return {findings: [], suppressed: [], error: record.error}
  const place = location(input)
  const quotes = quoteRanges(input)
  const disabled = disabledRanges(prose.comments, input)
  const findings: LintFinding[] = []
  const suppressed: LintFinding[] = []
  const seen = new Set<string>()
  const occurrences = new Map<string, number>()
  for (const found of candidatesOf(record)) {
    const candidate = keepFinalLineBreak(found, input)
    if (!candidate) continue
    const resolved = resolveRule(options.config, candidate.ruleId, candidate.source)
    if (resolved.severity === 'off' || !keep(candidate, prose)) continue
    if (resolved.options.ignoreQuoted && isQuoted(quotes, candidate.start, candidate.end)) continue
    const minimum = resolved.options.minConfidence
    if (minimum !== undefined && (candidate.confidence ?? 1) < minimum) continue
    if (isAccepted(candidate.actual, options.config.accept)) continue
    const id = `${candidate.source}\0${candidate.ruleId}\0${candidate.start}\0${candidate.end}`
    if (seen.has(id)) continue
    seen.add(id)
    const from = place.toPoint(candidate.start) ?? {line: 1, column: 1}
    const to = place.toPoint(candidate.end) ?? from
    const fixable =
      ruleById(candidate.ruleId)?.fixable === true &&
      candidate.expected.length === 1 &&
      (candidate.confidence ?? 1) >= fixConfidence &&
      options.record === undefined
    const content = `${options.path}\0${options.record ?? ''}\0${candidate.source}\0${candidate.ruleId}\0${candidate.actual.replace(/\s+/g, ' ')}`
    const occurrence = occurrences.get(content) ?? 0
    occurrences.set(content, occurrence + 1)
    const finding: LintFinding = {
      ruleId: candidate.ruleId,
      source: candidate.source,
      severity: resolved.severity === 'error' ? 'error' : 'warning',
      reason: candidate.reason,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      start: candidate.start,
      end: candidate.end,
      actual: candidate.actual,
      expected: candidate.expected,
      fix: fixable
        ? {start: candidate.start, end: candidate.end, text: candidate.expected[0] ?? ''}
        : null,
      confidence: candidate.confidence,
      note: candidate.note,
      url: candidate.url,
      fingerprint: createHash('sha256')
        .update(`copydesk-lint-v1\0${content}\0${occurrence}`)
        .digest('hex')
        .slice(0, 32),
      record: options.record,
    }
    if (isDisabled(disabled, finding.ruleId, finding.source, finding.start)) {
      suppressed.push({...finding, suppressed: 'inline'})
    } else findings.push(finding)
  }
  return {findings, suppressed}
}

/** Whether `text` has line breaks and every one is CRLF. */
export function isCrlfText(text: string): boolean {
  return text.includes('\r\n') && !/(?:^|[^\r])\n/.test(text)
}

/**
 * For a CRLF text linted as LF text, a function that puts a finding back in
 * the CRLF text: offsets move past the CRs before them, and a line break in
 * the text found or suggested is CRLF again. Lines and columns do not change.
 */
function crlfMapper(text: string): (finding: LintFinding) => LintFinding {
  // Offsets of the line feeds in the LF text: the n-th is n places before its CRLF one.
  const feeds: number[] = []
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    feeds.push(at - feeds.length - 1)
  }
  const toCrlf = (offset: number): number => {
    let low = 0
    let high = feeds.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((feeds[middle] ?? 0) < offset) low = middle + 1
      else high = middle
    }
    return offset + low
  }
  const crlf = (value: string): string => value.replaceAll('\n', '\r\n')
  return (finding) => ({
    ...finding,
    start: toCrlf(finding.start),
    end: toCrlf(finding.end),
    actual: crlf(finding.actual),
    expected: finding.expected.map(crlf),
    fix: finding.fix && {
      start: toCrlf(finding.fix.start),
      end: toCrlf(finding.fix.end),
      text: crlf(finding.fix.text),
    },
  })
}
