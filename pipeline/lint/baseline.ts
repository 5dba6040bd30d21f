/**
 * Baselines: a file of accepted findings, by fingerprint, so CI reports only
 * findings that are new. Fingerprints hash the path, rule, found text and its
 * occurrence, never line numbers, so they survive edits elsewhere in a file.
 */
import {readFile} from 'node:fs/promises'
import {UsageError} from '../batch.js'
import {writeFileAtomic} from '../io/atomic.js'
import type {FileResult} from './files.js'

export interface BaselineEntry {
  fingerprint: string
  path: string
  ruleId: string
  /** What was found, for people reading the file. */
  actual: string
}

export interface BaselineFile {
  version: 1
  tool: 'copydesk-lint'
  findings: BaselineEntry[]
}

/**
 * The key a QA-report decision and a finding share: the record (a JSONL
 * record's id, or the file's path), the plugin, the rule and the found text.
 */
export function decisionKey(
  record: string,
  source: string,
  ruleId: string,
  actual: string,
): string {
  return `decision\0${JSON.stringify([record, source, ruleId, actual])}`
}

/**
 * What a baseline file accepts: the fingerprints of a lint baseline, or the
 * removals marked wrong in a QA report's decisions file (`copydesk report`,
 * "Export decisions"), so a reviewer's verdict silences the same finding here.
 */
export async function readBaseline(path: string): Promise<Set<string>> {
  let parsed: {tool?: string; findings?: BaselineEntry[]; suppressions?: unknown}
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as typeof parsed
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new UsageError(
      missing
        ? `baseline ${path} does not exist (create it with --update-baseline)`
        : `cannot read baseline ${path}: ${(error as Error).message}`,
    )
  }
  if (parsed.tool === 'copydesk-report' && Array.isArray(parsed.suppressions)) {
    const keys = new Set<string>()
    for (const entry of parsed.suppressions as Array<Record<string, unknown>>) {
      const {id, source, ruleId, actual} = entry
      if (typeof source !== 'string' || typeof ruleId !== 'string' || typeof actual !== 'string')
        continue
      if (typeof id !== 'string' && typeof id !== 'number') continue
      keys.add(decisionKey(String(id), source, ruleId, actual))
    }
    return keys
  }
  if (parsed.tool !== 'copydesk-lint' || !Array.isArray(parsed.findings)) {
    throw new UsageError(
      `baseline ${path} is not a copydesk lint baseline or report decisions file`,
    )
  }
  return new Set(parsed.findings.map((entry) => entry.fingerprint))
}

/** Move findings whose fingerprint is in the baseline to `suppressed`. */
export function applyBaseline(results: FileResult[], accepted: ReadonlySet<string>): number {
  let count = 0
  for (const result of results) {
    const fresh = []
    for (const finding of result.findings) {
      const decision = decisionKey(
        finding.record ?? result.path,
        finding.source,
        finding.ruleId,
        finding.actual,
      )
      if (accepted.has(finding.fingerprint) || accepted.has(decision)) {
        result.suppressed.push({...finding, suppressed: 'baseline'})
        count++
      } else fresh.push(finding)
    }
    result.findings = fresh
  }
  return count
}

/** Write every current finding to a baseline file (atomically); returns how many. */
export async function writeBaseline(path: string, results: readonly FileResult[]): Promise<number> {
  const findings: BaselineEntry[] = results.flatMap((result) =>
    result.findings.map((finding) => ({
      fingerprint: finding.fingerprint,
      path: result.path,
      ruleId: finding.ruleId,
      actual: finding.actual.length > 80 ? `${finding.actual.slice(0, 79)}…` : finding.actual,
    })),
  )
  const file: BaselineFile = {version: 1, tool: 'copydesk-lint', findings}
  await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`)
  return findings.length
}
