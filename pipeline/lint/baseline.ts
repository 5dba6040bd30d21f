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

/** The fingerprints in a baseline file. */
export async function readBaseline(path: string): Promise<Set<string>> {
  let parsed: Partial<BaselineFile>
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<BaselineFile>
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new UsageError(
      missing
        ? `baseline ${path} does not exist (create it with --update-baseline)`
        : `cannot read baseline ${path}: ${(error as Error).message}`,
    )
  }
  if (parsed.tool !== 'copydesk-lint' || !Array.isArray(parsed.findings)) {
    throw new UsageError(`baseline ${path} is not a copydesk lint baseline`)
  }
  return new Set(parsed.findings.map((entry) => entry.fingerprint))
}

/** Move findings whose fingerprint is in the baseline to `suppressed`. */
export function applyBaseline(results: FileResult[], accepted: ReadonlySet<string>): number {
  let count = 0
  for (const result of results) {
    const fresh = []
    for (const finding of result.findings) {
      if (accepted.has(finding.fingerprint)) {
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
