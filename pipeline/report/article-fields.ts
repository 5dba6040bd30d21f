/**
 * Readers for single fields of a record, each tolerant of missing or
 * mistyped values (records of any copydesk version).
 */

import {array, asRecord, type JsonObject, numberOr, stringOr, type Unknown} from './read-json.js'
import type {EditInput} from './reconstruct.js'

/** The record's removals and changes, as edits to place. */
export function editInputs(record: JsonObject): EditInput[] {
  const removed = array(record.removed).map((value, index): EditInput => {
    const item = asRecord(value)
    return {
      kind: 'removed',
      index,
      ruleId: stringOr(item.ruleId, 'unknown'),
      source: stringOr(item.source, 'unknown'),
      start: numberOr(item.start, 0),
      end: numberOr(item.end, 0),
      before: stringOr(item.text, ''),
      after: '',
    }
  })
  const changes = array(record.changes).map((value, index): EditInput => {
    const item = asRecord(value)
    return {
      kind: 'changed',
      index,
      ruleId: stringOr(item.ruleId, 'unknown'),
      source: stringOr(item.source, 'unknown'),
      start: numberOr(item.start, 0),
      end: numberOr(item.end, 0),
      before: stringOr(item.before, ''),
      after: stringOr(item.after, ''),
    }
  })
  return [...removed, ...changes]
}

/** A score that may be a number or `{score}` (per-sentence neutrality). */
export function scoreOf(value: Unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  const score = asRecord(value).score
  return typeof score === 'number' && Number.isFinite(score) ? score : null
}

/** An http(s) URL, or `null`: no other scheme ever becomes a link. */
export function safeUrl(value: Unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Scalar facts for the metadata panel: meta, neutrality, readability, stamp. */
export function factsOf(record: JsonObject): Array<[string, string]> {
  const facts: Array<[string, string]> = []
  const add = (prefix: string, value: Unknown): void => {
    for (const [key, item] of Object.entries(asRecord(value))) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        facts.push([`${prefix}${key}`, String(item)])
      } else if (Array.isArray(item) && item.every((entry) => typeof entry === 'string')) {
        facts.push([`${prefix}${key}`, item.join(', ')])
      }
    }
  }
  add('meta.', record.meta)
  const neutrality = asRecord(record.neutrality)
  if (typeof neutrality.score === 'number')
    facts.push(['neutrality.score', String(neutrality.score)])
  if (typeof neutrality.verdict === 'string') facts.push(['neutrality.verdict', neutrality.verdict])
  add('readability.', record.readability)
  add('copydesk.', record.copydesk)
  for (const key of ['file', 'line']) {
    const value = record[key]
    if (typeof value === 'string' || typeof value === 'number') facts.push([key, String(value)])
  }
  return facts
}

/**
 * A plain-text article's first line when it reads as a headline: short, and
 * followed by more text. Records without `meta.title` are listed by it.
 */
export function headlineOf(text: string): string | null {
  const end = text.indexOf('\n')
  const line = end === -1 ? '' : text.slice(0, end).trim()
  return line.length > 0 && line.length <= 120 && text.slice(end).trim() !== '' ? line : null
}
