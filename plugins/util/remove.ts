import type {VFile} from 'vfile'
import {report} from './report.js'
import {positionOf, type TextView} from './text-view.js'
import {applyEdits} from './text-view-edits.js'

/** A span a cleaner wants gone, in view offsets. */
export interface Finding {
  start: number
  end: number
  ruleId: string
  /** How sure the rule is, 0 to 1. */
  confidence: number
  /** What was found, for the message (default: "related-link blurb"). */
  label?: string | undefined
  /** Where the rule comes from. */
  note?: string | undefined
}

/**
 * Report every finding as an `info` message, record it in `file.data.removed`
 * (offsets into the original text) and, unless `file.data.dryRun` is set,
 * remove it from the tree. Overlapping findings keep the first.
 */
export function removeFindings(
  file: VFile,
  view: TextView,
  source: string,
  findings: readonly Finding[],
): void {
  const original = String(file.value)
  const kept: Finding[] = []
  let end = -1
  for (const finding of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (finding.end <= finding.start || finding.start < end) continue
    kept.push(finding)
    end = finding.end
  }
  const removed = file.data.removed ?? []
  for (const finding of kept) {
    const start = view.toOriginal(finding.start)
    const stop = view.toOriginal(finding.end)
    const text = original.slice(start, stop)
    report(file, {
      source,
      ruleId: finding.ruleId,
      reason: `Unexpected ${finding.label ?? 'scraped artifact'} \`${preview(text)}\`, expected nothing`,
      place: positionOf(file, start, stop),
      actual: text,
      expected: [''],
      level: 'info',
      note: finding.note,
      confidence: finding.confidence,
    })
    removed.push({
      ruleId: finding.ruleId,
      source,
      start,
      end: stop,
      text,
      confidence: finding.confidence,
    })
  }
  file.data.removed = removed
  if (!file.data.dryRun && kept.length > 0) {
    applyEdits(
      file,
      view,
      kept.map((finding) => ({start: finding.start, end: finding.end, text: ''})),
    )
  }
}

/** A short, one-line preview of removed text for message reasons. */
export function preview(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
