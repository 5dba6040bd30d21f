/**
 * The JSONL record: copydesk's public output shape. Fields may be added, never
 * renamed or removed without a major version (see CHANGELOG.md).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Change, Removal} from '../plugins/util/data-map.js'
import type {DocumentReadability, SentenceReport} from '../plugins/util/readability-types.js'
import '../plugins/util/data-map.js'
import {documentNeutrality, withSentenceNeutrality} from '../plugins/util/neutrality-record.js'
import type {DocumentNeutrality, SentenceNeutrality} from '../plugins/util/neutrality-types.js'
import type {ArticleMeta, HtmlRemoval} from './io/html.js'

export type Severity = 'info' | 'warning' | 'error'

/** A vfile message as JSON. Offsets and line/column refer to the input text. */
export interface MessageRecord {
  ruleId: string | null
  source: string | null
  reason: string
  severity: Severity
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  start: number | null
  end: number | null
  actual: string | null
  expected: string[] | null
  confidence: number | null
  note: string | null
  url: string | null
}

/** One cleaned and scored article. */
export interface CleanRecord {
  id?: string | number | undefined
  /** The cleaned text. */
  text: string
  /** Spans removed from the input (offsets into the input text). */
  removed: Removal[]
  /** Normalisations (offsets into the input text). */
  changes: Change[]
  readability: DocumentReadability | null
  /**
   * Neutrality score (100 = fully neutral), verdict and signals (`score-neutrality`).
   * Always set by `toRecord` (`null` without the analysers); optional in the type so
   * records built before this field existed still type-check.
   */
  neutrality?: DocumentNeutrality | null
  /** Per-sentence explanations (offsets into the cleaned text), with their neutrality. */
  sentences: (SentenceReport & {neutrality?: Pick<SentenceNeutrality, 'score' | 'signals'>})[]
  messages: MessageRecord[]
  /** HTML input only: the page's metadata (`null` where the page does not say). */
  meta?: ArticleMeta | undefined
  /** HTML input only: elements site rules removed, and what the reader assumed or repaired. */
  extraction?: {removed: HtmlRemoval[]; warnings: string[]} | undefined
  /** JSONL and CSV input with `--keep-fields`: the input's fields it names, as they were. */
  fields?: Record<string, unknown> | undefined
}

/** A record that could not be processed. */
export interface ErrorRecord {
  /** 1-based line of the input, for line-based inputs. */
  line?: number | undefined
  /** File the record came from, for file inputs. */
  file?: string | undefined
  id?: string | number | undefined
  error: string
  /** JSONL and CSV input with `--keep-fields`: the input's fields it names, as they were. */
  fields?: Record<string, unknown> | undefined
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function toMessageRecord(message: VFileMessage & {confidence?: number}): MessageRecord {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : undefined
  return {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    reason: message.reason,
    severity: severityOf(message),
    line: start?.line ?? null,
    column: start?.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    start: start?.offset ?? null,
    end: end?.offset ?? null,
    actual: message.actual ?? null,
    expected: message.expected ?? null,
    confidence: message.confidence ?? null,
    note: message.note ?? null,
    url: message.url ?? null,
  }
}

/** Build the record of a processed file. */
export function toRecord(file: VFile, text: string, id?: string | number): CleanRecord {
  return {
    ...(id === undefined ? {} : {id}),
    text,
    removed: file.data.removed ?? [],
    changes: file.data.changes ?? [],
    readability: file.data.readability ?? null,
    neutrality: documentNeutrality(file.data.neutrality),
    sentences: withSentenceNeutrality(file.data.sentences ?? [], file.data.neutrality),
    messages: file.messages.map(toMessageRecord),
  }
}
