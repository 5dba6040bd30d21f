/**
 * Run the pipeline on one record, turning anything thrown into an error
 * record: one bad article never stops a batch.
 */
import {createHash} from 'node:crypto'
import {type CleanOptions, clean, createPipeline, type PipelineOptions} from './index.js'
import type {CleanRecord, ErrorRecord, MessageRecord} from './record.js'
import {readVersion} from './version.js'

export type Outcome = CleanRecord | ErrorRecord

/**
 * The reproducibility stamp on every batch record: which copydesk made it and
 * with which configuration (plugins, their options, the run's options).
 */
export interface RecordStamp {
  version: string
  /** First 16 hex digits of a SHA-256 over the version and the configuration. */
  configHash: string
}

export function isErrorRecord(value: Outcome): value is ErrorRecord {
  return 'error' in value
}

/** Messages for warnings found before the pipeline ran (decoding). */
export function warningMessages(warnings: readonly string[], ruleId = 'decode'): MessageRecord[] {
  return warnings.map((reason) => ({
    ruleId,
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

export interface RunOptions extends CleanOptions {
  warnings?: readonly string[] | undefined
  line?: number | undefined
  file?: string | undefined
}

/** Clean one text; never throws. */
export function runRecord(text: string, options: RunOptions): Outcome {
  try {
    const record = clean(text, options)
    if (options.warnings && options.warnings.length > 0) {
      record.messages.unshift(...warningMessages(options.warnings))
    }
    return record
  } catch (error) {
    return errorRecord(options, `Processing failed: ${messageOf(error)}`)
  }
}

/** An error record carrying whatever locates the input. */
export function errorRecord(
  where: {line?: number | undefined; file?: string | undefined; id?: string | number | undefined},
  error: string,
): ErrorRecord {
  return {
    ...(where.line === undefined ? {} : {line: where.line}),
    ...(where.file === undefined ? {} : {file: where.file}),
    ...(where.id === undefined ? {} : {id: where.id}),
    error,
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The installed copydesk version, read once. */
export const version: string = readVersion()

const stamps = new Map<string, RecordStamp>()

/**
 * The stamp for records made with `options`: the hash covers the version,
 * every plugin of the pipeline with its options, and the options that change
 * a record (`score`, `dryRun`).
 */
export function stampFor(options: PipelineOptions & {dryRun?: boolean | undefined}): RecordStamp {
  const key = `${options.score !== false}:${options.dryRun === true}`
  let stamp = stamps.get(key)
  if (!stamp) {
    const attachers = createPipeline(options).attachers.map(([plugin, ...parameters]) => [
      plugin.name,
      parameters,
    ])
    const config = JSON.stringify({
      version,
      attachers,
      score: options.score !== false,
      dryRun: options.dryRun === true,
    })
    stamp = {version, configHash: createHash('sha256').update(config).digest('hex').slice(0, 16)}
    stamps.set(key, stamp)
  }
  return stamp
}
