/**
 * The GitHub Actions reporter: workflow-command annotations, capped per level
 * (GitHub shows only so many per step), and a job summary in Markdown that
 * lists every finding and says how many the cap cut, so none is hidden.
 */
import type {LintFinding} from './engine.js'
import type {FileResult} from './files.js'
import {totalsOf} from './report-json.js'

/** Annotations shown per level by default: GitHub displays 10 errors and 10 warnings a step. */
export const defaultAnnotationCap = 10

const escapeData = (text: string): string =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
const escapeProperty = (text: string): string =>
  escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')

function annotation(path: string, finding: LintFinding): string {
  const level = finding.severity === 'error' ? 'error' : 'warning'
  const properties = [
    `file=${escapeProperty(path)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`copydesk ${finding.ruleId}`)}`,
  ].join(',')
  return `::${level} ${properties}::${escapeData(finding.reason)}`
}

const cell = (text: string): string =>
  text.replaceAll('|', '\\|').replaceAll('\n', ' ').replaceAll('`', "'")

export interface GithubReport {
  /** Workflow commands for stdout. */
  annotations: string
  /** Markdown for `$GITHUB_STEP_SUMMARY`. */
  summary: string
  /** Findings not shown as annotations. */
  cut: number
}

/** Render results as annotations (at most `cap` per level) and a job summary. */
export function githubReport(results: readonly FileResult[], cap: number): GithubReport {
  const shown = {error: 0, warning: 0}
  const lines: string[] = []
  let cut = 0
  const rows: string[] = []
  for (const result of results) {
    for (const finding of result.findings) {
      rows.push(
        `| ${cell(result.path)}:${finding.line}:${finding.column} | ${finding.severity} | \`${finding.ruleId}\` | ${cell(finding.reason)} |`,
      )
      if (shown[finding.severity] < cap) {
        shown[finding.severity]++
        lines.push(annotation(result.path, finding))
      } else cut++
    }
  }
  const totals = totalsOf(results)
  if (cut > 0) {
    lines.push(
      `::notice title=copydesk lint::${cut} more finding(s) not shown as annotations (cap ${cap} per level); every finding is in the job summary`,
    )
  }
  const summary = [
    '## copydesk lint',
    '',
    `${totals.errors} error(s), ${totals.warnings} warning(s) in ${results.length} file(s); ${totals.fixable} fixable with \`copydesk lint --fix\`; ${totals.suppressed} suppressed.`,
    cut > 0
      ? `**${cut} finding(s) were not shown as annotations** (cap ${cap} per level); all are listed below.`
      : 'Every finding is shown as an annotation.',
    '',
    ...(rows.length > 0
      ? ['| where | level | rule | message |', '| --- | --- | --- | --- |', ...rows]
      : []),
    '',
  ].join('\n')
  return {annotations: lines.length > 0 ? `${lines.join('\n')}\n` : '', summary, cut}
}
