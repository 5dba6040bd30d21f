/**
 * `--fix`: apply the safe fixes (artifact removal, whitespace) to a text.
 * Fixes never overlap: the first one wins, the rest wait for the next pass.
 */
import type {LintFinding} from './engine.js'

export interface FixOutcome {
  text: string
  /** Fixes applied, by rule id. */
  applied: Record<string, number>
  count: number
}

/** Apply every non-overlapping fix among `findings` to `text`. */
export function applyFixes(text: string, findings: readonly LintFinding[]): FixOutcome {
  const fixes = findings
    .filter((finding) => finding.fix !== null)
    .sort(
      (a, b) => (a.fix?.start ?? 0) - (b.fix?.start ?? 0) || (a.fix?.end ?? 0) - (b.fix?.end ?? 0),
    )
  const parts: string[] = []
  const applied: Record<string, number> = {}
  let at = 0
  let count = 0
  for (const finding of fixes) {
    const fix = finding.fix
    if (!fix || fix.start < at || fix.end > text.length) continue
    parts.push(text.slice(at, fix.start), fix.text)
    at = fix.end
    applied[finding.ruleId] = (applied[finding.ruleId] ?? 0) + 1
    count++
  }
  parts.push(text.slice(at))
  return {text: parts.join(''), applied, count}
}
