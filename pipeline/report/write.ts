/** Reading a run's records and writing its report file. */
import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {recordsFile} from '../batch.js'
import {writeFileAtomic} from '../io/atomic.js'
import {buildReport, type ReportOptions} from './html.js'

/**
 * The records of a run: `path` is a run's output folder (its
 * `copydesk-records.jsonl`) or a JSONL file of records. A line that is not
 * JSON becomes an error record, so the report still shows it.
 */
export async function readRecords(path: string): Promise<unknown[]> {
  const info = await stat(path)
  const file = info.isDirectory() ? join(path, recordsFile) : path
  const records: unknown[] = []
  let line = 0
  const lines = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  for await (const raw of lines) {
    line++
    if (raw.trim() === '') continue
    try {
      records.push(JSON.parse(raw))
    } catch {
      records.push({line, error: 'Not a JSON record'})
    }
  }
  return records
}

/** Build the report for `records` and write it atomically to `path`. */
export async function writeReport(
  path: string,
  records: readonly unknown[],
  options: ReportOptions = {},
): Promise<void> {
  await writeFileAtomic(path, buildReport(records, options))
}

/**
 * `copydesk clean --report FILE`: keeps the run's record lines (or, with
 * `--out`, reads them back from the records file, which also holds a resumed
 * run's earlier records) and writes the report when the run ends.
 */
export class ReportCollector {
  private readonly lines: string[] = []

  constructor(
    private readonly path: string,
    private readonly out: string | undefined,
  ) {}

  /** Pass to `runBatch` as (part of) `onLine`. */
  add(json: string): void {
    if (this.out === undefined) this.lines.push(json)
  }

  async write(name: string): Promise<void> {
    const records =
      this.out === undefined
        ? this.lines.map((line) => JSON.parse(line) as unknown)
        : await readRecords(this.out)
    await writeReport(this.path, records, {name})
  }
}
