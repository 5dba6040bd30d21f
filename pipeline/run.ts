/**
 * Run the pipeline on one record, turning anything thrown into an error
 * record: one bad article never stops a batch.
 */
import {type CleanOptions, clean} from './index.js'
import type {CleanRecord, ErrorRecord, MessageRecord} from './record.js'

export type Outcome = CleanRecord | ErrorRecord

export function isErrorRecord(value: Outcome): value is ErrorRecord {
  return 'error' in value
}

/** Messages for warnings found before the pipeline ran (decoding). */
export function warningMessages(warnings: readonly string[]): MessageRecord[] {
  return warnings.map((reason) => ({
    ruleId: 'decode',
    source: 'copydesk',
    reason,
    severity: 'warning',
    line: null,
    column: null,
    endLine: null,
    endColumn: null,
    start: null,
    end: null,
    actual: null,
    expected: null,
    confidence: null,
    note: null,
    url: null,
  }))
}

/** Clean one text; never throws. */
export function runRecord(
  text: string,
  options: CleanOptions & {warnings?: readonly string[]; line?: number; file?: string},
): Outcome {
  try {
    const record = clean(text, options)
    if (options.warnings && options.warnings.length > 0) {
      record.messages.unshift(...warningMessages(options.warnings))
    }
    return record
  } catch (error) {
    return {
      ...(options.line === undefined ? {} : {line: options.line}),
      ...(options.file === undefined ? {} : {file: options.file}),
      ...(options.id === undefined ? {} : {id: options.id}),
      error: `Processing failed: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}
