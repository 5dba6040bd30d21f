/** The JSON reporter: every file with its findings, and totals. */
import type {FileResult} from './files.js'

export interface Totals {
  errors: number
  warnings: number
  fixable: number
  suppressed: number
}

export function totalsOf(results: readonly FileResult[]): Totals {
  const totals: Totals = {errors: 0, warnings: 0, fixable: 0, suppressed: 0}
  for (const result of results) {
    totals.suppressed += result.suppressed.length
    for (const finding of result.findings) {
      if (finding.severity === 'error') totals.errors++
      else totals.warnings++
      if (finding.fix) totals.fixable++
    }
  }
  return totals
}

export function jsonReport(results: readonly FileResult[]): string {
  const files = results.map((result) => ({
    path: result.path,
    format: result.format,
    findings: result.findings,
    suppressed: result.suppressed,
    errors: result.errors,
    ...(result.fixed ? {fixed: result.fixed} : {}),
  }))
  return `${JSON.stringify({version: 1, files, totals: totalsOf(results)}, null, 2)}\n`
}
