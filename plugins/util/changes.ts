/**
 * Shared bookkeeping of the normalisers: every replacement is recorded in
 * `file.data.changes` with offsets into the original text, reported as an
 * `info` message (one per change, or one summary per rule when a rule fires
 * often) and, unless `file.data.dryRun` is set, applied to the tree.
 */
import type {VFile} from 'vfile'
import type {Change} from './data-map.js'
import {report} from './report.js'
import {type Edit, positionOf, type TextView} from './text-view.js'
import {applyEdits} from './text-view-edits.js'

/** A replacement of view text, with the rule that wants it. */
export interface RuleEdit extends Edit {
  ruleId: string
}

export interface RecordOptions {
  /** Plugin name, the `source` of messages and changes. */
  source: string
  /** Words for a rule in a message, e.g. `mojibake` (default: the rule id). */
  describe?: ((ruleId: string) => string) | undefined
  /** Where the rule's evidence comes from, for the message `note`. */
  note?: ((ruleId: string) => string | undefined) | undefined
  /** A rule firing more often than this gets one summary message (default: `10`). */
  messagesPerRule?: number | undefined
  /** Reason of a summary message, given the rule and its count (default: names the first change). */
  summary?: ((ruleId: string, count: number) => string) | undefined
}

/**
 * Keep the edits that do not overlap an earlier one (by start), so that the
 * recorded changes are exactly the applied ones.
 */
export function nonOverlapping<T extends Edit>(edits: readonly T[]): T[] {
  const kept: T[] = []
  let end = -1
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < end) continue
    kept.push(edit)
    end = edit.end
  }
  return kept
}

/**
 * Record, report and apply `edits` (view offsets). Returns the changes made,
 * with offsets into the original text.
 */
export function recordChanges(
  file: VFile,
  view: TextView,
  edits: readonly RuleEdit[],
  options: RecordOptions,
): Change[] {
  const kept = nonOverlapping(edits)
  if (kept.length === 0) return []
  const {source} = options
  const describe = options.describe ?? ((ruleId: string) => ruleId)
  const limit = options.messagesPerRule ?? 10
  const original = String(file.value)
  const made: Change[] = []
  const byRule = new Map<string, Change[]>()
  for (const edit of kept) {
    const start = view.toOriginal(edit.start)
    const end = view.toOriginal(edit.end)
    const change: Change = {
      ruleId: edit.ruleId,
      source,
      start,
      end,
      before: original.slice(start, end),
      after: edit.text,
    }
    made.push(change)
    const list = byRule.get(edit.ruleId)
    if (list) list.push(change)
    else byRule.set(edit.ruleId, [change])
  }
  file.data.changes = [...(file.data.changes ?? []), ...made]
  for (const [ruleId, changes] of byRule) {
    const shown = changes.length > limit ? changes.slice(0, 1) : changes
    for (const change of shown) {
      const many = changes.length > limit
      const count = many ? ` (${changes.length}×, all in the record's changes)` : ''
      const reason =
        many && options.summary
          ? options.summary(ruleId, changes.length)
          : `Unexpected ${describe(ruleId)} \`${visible(change.before)}\`${count}, expected \`${visible(change.after)}\``
      report(file, {
        source,
        ruleId,
        reason,
        place: positionOf(file, change.start, change.end),
        actual: change.before,
        expected: [change.after],
        level: 'info',
        note: options.note?.(ruleId),
      })
    }
  }
  if (!file.data.dryRun) applyEdits(file, view, mergeSharedLeaves(view, kept))
  return made
}

/**
 * `applyEdits` splits each leaf an edit touches, so a second edit in the same
 * leaf would act on a node that is gone. Edits that share a leaf are merged
 * into one (the text between them is kept as it is), which keeps applying
 * linear however dense the edits are; the recorded changes stay one per edit.
 */
export function mergeSharedLeaves(view: TextView, edits: readonly Edit[]): Edit[] {
  const merged: Edit[] = []
  // Leaf numbers are compared below: the index must reach the first edit.
  view.indexFrom(
    edits.reduce((low, edit) => Math.min(low, Math.max(0, edit.start)), Number.POSITIVE_INFINITY),
  )
  let lastLeaf = -1
  for (const edit of edits) {
    const first = view.leafIndexAt(edit.start)
    const last = edit.end > edit.start ? view.leafIndexAt(edit.end - 1) : first
    const previous = merged[merged.length - 1]
    if (previous && first <= lastLeaf) {
      previous.text += view.text.slice(previous.end, edit.start) + edit.text
      previous.end = edit.end
    } else {
      merged.push({start: edit.start, end: edit.end, text: edit.text})
    }
    lastLeaf = Math.max(lastLeaf, last)
  }
  return merged
}

/** Show invisible and space characters in a message as `U+XXXX`, and cut long text. */
export function visible(text: string, max = 40): string {
  let out = ''
  for (const ch of text.length > max ? `${text.slice(0, max - 1)}…` : text) {
    const code = ch.codePointAt(0) ?? 0
    out +=
      code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad || isInvisible(code)
        ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        : ch
  }
  return out
}

function isInvisible(code: number): boolean {
  return (
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x206f) ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff)
  )
}

/** Count changes by `source:ruleId`, for summaries. */
export function countChanges(changes: readonly Change[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const change of changes) {
    const key = `${change.source}:${change.ruleId}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}
