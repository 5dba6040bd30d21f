/**
 * One unit of batch work: an input item (text, HTML or an input error) turned
 * into its finished JSONL line and the few facts the run summary needs. The
 * same function runs in the main thread (`--jobs 1`) and in pool workers, so
 * serialisation happens where the work is spread out.
 */
import {cleanHtml} from './index.js'
import {htmlTooLarge, textTooLarge} from './limits.js'
import type {CleanRecord, ErrorRecord} from './record.js'
import {
  errorRecord,
  isErrorRecord,
  messageOf,
  type Outcome,
  runRecord,
  stampFor,
  warningMessages,
} from './run.js'

/** An article (or an unusable input) as a reader yields it. */
export interface InputItem {
  /** File it came from, relative to its argument (absent for stdin). */
  file?: string | undefined
  /** 1-based line (JSONL, CSV) of the input. */
  line?: number | undefined
  id?: string | number | undefined
  /** Text to clean. */
  text?: string | undefined
  /**
   * A JSONL line not parsed yet (the batch engine's reader leaves parsing to
   * the workers); `itemOfLine` turns it into the item it stands for.
   */
  json?: string | undefined
  /** HTML to extract the article from, then clean. */
  html?: string | undefined
  /** The page's URL, for HTML extraction. */
  url?: string | undefined
  /** Fields of the input carried into the record as they are (`--keep-fields`). */
  extra?: Readonly<Record<string, unknown>> | undefined
  /** Warnings from reading (decoding). */
  warnings?: readonly string[] | undefined
  /** An input that cannot be cleaned: becomes an error record as it is. */
  error?: string | undefined
  /** When set, the caller wants the cleaned text back (for a text file output). */
  wantText?: boolean | undefined
}

/** Options of a batch that reach every item; plain data, so they cross to workers. */
export interface ItemOptions {
  readonly score?: boolean | undefined
  readonly dryRun?: boolean | undefined
}

/** What the summary keeps of a record. */
export interface Digest {
  error: string | null
  /** `[ruleId, removed characters]` per removal. */
  removed: Array<[string, number]>
  warnings: number
  grade: number | null
  ease: number | null
  neutrality: number | null
  /** Locates an error record in the summary. */
  where?: {file?: string | undefined; line?: number | undefined; id?: string | number | undefined}
}

/** A processed item. */
export interface Processed {
  /** The stamped record as one JSON line (no newline). */
  json: string
  digest: Digest
  /** The cleaned text, when `wantText` was set and the record is not an error. */
  text?: string | undefined
}

/** Why `item` is too large to clean, if it is. */
function tooLarge(item: InputItem): string | undefined {
  if (item.html !== undefined) return htmlTooLarge(item.html.length)
  if (item.text !== undefined) return textTooLarge(item.text.length)
  return undefined
}

function runHtml(item: InputItem, html: string, options: ItemOptions): Outcome {
  try {
    const record = cleanHtml(html, {
      ...options,
      id: item.id,
      url: item.url,
      ...(item.file === undefined ? {} : {path: item.file}),
    })
    if (item.warnings && item.warnings.length > 0) {
      record.messages.unshift(...warningMessages(item.warnings))
    }
    return record
  } catch (error) {
    return errorRecord(item, `Processing failed: ${messageOf(error)}`)
  }
}

/**
 * A record's JSONL line (no newline): the outcome, the input fields kept for
 * it (`fields`, only when there are any) and the stamp.
 */
export function recordJson(outcome: Outcome, item: InputItem, options: ItemOptions): string {
  return JSON.stringify({
    ...outcome,
    ...(item.extra === undefined ? {} : {fields: item.extra}),
    copydesk: stampFor(options),
  })
}

/** Clean one item into its line and digest; never throws. */
export function processItem(item: InputItem, options: ItemOptions): Processed {
  let outcome: Outcome
  const large = item.error === undefined ? tooLarge(item) : undefined
  if (item.error !== undefined) outcome = errorRecord(item, item.error)
  else if (large !== undefined) outcome = errorRecord(item, large)
  else if (item.html !== undefined) outcome = runHtml(item, item.html, options)
  else {
    outcome = runRecord(item.text ?? '', {
      ...options,
      id: item.id,
      line: item.line,
      file: item.file,
      ...(item.file === undefined ? {} : {path: item.file}),
      warnings: item.warnings,
    })
  }
  let json: string
  try {
    json = recordJson(outcome, item, options)
  } catch (error) {
    // Past V8's longest string (about 512 MB of JSON: per-sentence explanations
    // run to tens of times a long text of short sentences). The record without
    // them still holds the text, every removal and change, and the scores.
    const lean = isErrorRecord(outcome) ? undefined : withoutExplanations(outcome)
    try {
      if (!lean) throw error
      json = recordJson(lean, item, options)
      outcome = lean
    } catch {
      outcome = errorRecord(item, `Cannot serialise the record: ${messageOf(error)}`)
      json = recordJson(outcome, item, options)
    }
  }
  return {
    json,
    digest: digestOf(outcome),
    ...(item.wantText && !isErrorRecord(outcome) ? {text: outcome.text} : {}),
  }
}

/** Sources of the messages that explain sentences (the analysers'). */
const explainers = new Set(['score-readability', 'score-neutrality', 'retext-readability'])

/**
 * `record` without its per-sentence explanations (`sentences`, and the
 * analysers' messages about single sentences), saying so in a message.
 */
export function withoutExplanations(record: CleanRecord): CleanRecord {
  const kept = record.messages.filter((message) => !explainers.has(message.source ?? ''))
  const dropped = record.messages.length - kept.length
  const [note] = warningMessages(
    [
      `Per-sentence explanations left out (${record.sentences.length} sentences, ${dropped} messages): the record was too large to write`,
    ],
    'record-too-large',
  )
  return {...record, sentences: [], messages: note ? [...kept, note] : kept}
}

/** The facts of a record the summary needs. */
export function digestOf(outcome: Outcome): Digest {
  if (isErrorRecord(outcome)) {
    const error = outcome as ErrorRecord
    return {
      error: error.error,
      removed: [],
      warnings: 0,
      grade: null,
      ease: null,
      neutrality: null,
      where: {file: error.file, line: error.line, id: error.id},
    }
  }
  let warnings = 0
  for (const message of outcome.messages) if (message.severity === 'warning') warnings++
  // The neutrality analyser is optional: read its score without depending on its types.
  const neutrality = (outcome as {neutrality?: {score?: unknown} | null}).neutrality?.score
  return {
    error: null,
    removed: outcome.removed.map((removal) => [removal.ruleId, removal.end - removal.start]),
    warnings,
    grade: outcome.readability?.grade ?? null,
    ease: outcome.readability?.fleschReadingEase ?? null,
    neutrality: typeof neutrality === 'number' ? neutrality : null,
  }
}
