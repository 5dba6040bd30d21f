/**
 * Turn a dry-run record into candidate findings: one per removal, one per
 * normalisation, and one per other message (analysers, kept markers), so a
 * rule summarising many changes in one message still yields a finding, and a
 * fix, per change.
 */
import {preview} from '../../plugins/util/remove.js'
import {docsUrl} from '../../plugins/util/report.js'
import type {CleanRecord, MessageRecord} from '../record.js'

/** A finding before config, suppressions and positions are applied. */
export interface Candidate {
  ruleId: string
  source: string
  reason: string
  /** Offsets into the linted text. */
  start: number
  end: number
  actual: string
  /** Suggested replacements; `['']` deletes, `[]` is advice only. */
  expected: string[]
  confidence: number | null
  note: string | null
  url: string | null
  /** The pipeline's own level, for rules nobody configured. */
  level: MessageRecord['severity']
}

const visible = (text: string): string =>
  text.replaceAll(' ', '␠').replaceAll('\t', '⇥').replaceAll('\n', '⏎').replaceAll('\u00A0', '⍽')

function key(ruleId: string, source: string, start: number): string {
  return `${source}\0${ruleId}\0${start}`
}

/** Every candidate finding in a record of `clean(text, {dryRun: true})`. */
export function candidatesOf(record: CleanRecord): Candidate[] {
  const messages = new Map<string, MessageRecord>()
  for (const message of record.messages) {
    if (message.start === null || message.ruleId === null || message.source === null) continue
    const id = key(message.ruleId, message.source, message.start)
    if (!messages.has(id)) messages.set(id, message)
  }
  const perRule = new Map<string, number>()
  for (const edit of [...record.removed, ...record.changes]) {
    const id = `${edit.source}\0${edit.ruleId}`
    perRule.set(id, (perRule.get(id) ?? 0) + 1)
  }
  // For edits a summarising message does not describe: the rule's link and provenance.
  const firstOfRule = new Map<string, MessageRecord>()
  for (const message of record.messages) {
    const id = `${message.source}\0${message.ruleId}`
    if (!firstOfRule.has(id)) firstOfRule.set(id, message)
  }
  const covered = new Set<string>()
  const candidates: Candidate[] = []
  const fromEdit = (
    edit: {ruleId: string; source: string; start: number; end: number},
    actual: string,
    replacement: string,
    confidence: number | null,
  ): void => {
    const id = key(edit.ruleId, edit.source, edit.start)
    const message = messages.get(id)
    const ofRule = message ?? firstOfRule.get(`${edit.source}\0${edit.ruleId}`)
    covered.add(id)
    // A message that counts several changes only describes the first exactly.
    const single = (perRule.get(`${edit.source}\0${edit.ruleId}`) ?? 0) === 1
    const reason =
      message && single
        ? message.reason
        : replacement === ''
          ? `Unexpected \`${preview(visible(actual))}\`, expected nothing`
          : `Unexpected \`${visible(actual)}\`, expected \`${visible(replacement)}\``
    candidates.push({
      ruleId: edit.ruleId,
      source: edit.source,
      reason,
      start: edit.start,
      end: edit.end,
      actual,
      expected: [replacement],
      confidence,
      note: ofRule?.note ?? null,
      url: ofRule?.url ?? docsUrl + edit.source,
      level: ofRule?.severity ?? 'info',
    })
  }
  for (const removal of record.removed) fromEdit(removal, removal.text, '', removal.confidence)
  for (const change of record.changes) fromEdit(change, change.before, change.after, null)
  for (const message of record.messages) {
    if (message.ruleId === null || message.source === null) continue
    if (message.start !== null && covered.has(key(message.ruleId, message.source, message.start)))
      continue
    candidates.push({
      ruleId: message.ruleId,
      source: message.source,
      reason: message.reason,
      start: message.start ?? 0,
      end: message.end ?? message.start ?? 0,
      actual: message.actual ?? '',
      expected: message.expected ?? [],
      confidence: message.confidence,
      note: message.note,
      url: message.url,
      level: message.severity,
    })
  }
  return candidates.sort((a, b) => a.start - b.start || a.end - b.end)
}
