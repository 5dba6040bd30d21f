/**
 * The batch engine: input files (text, HTML, JSONL, CSV, WARC) streamed item
 * by item through a worker pool, results written in input order. Inputs are
 * only read; every output grows in a partial file and is renamed into place
 * when complete; checkpoints make a stopped run resumable (`resume.ts`); a bad
 * file or item becomes an error record and the batch goes on.
 */
import type {ReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {fingerprintOf, mirrorOf, outputClash, textFileOf} from './batch-outputs.js'
import type {CleanOptions} from './index.js'
import {writeFileAtomic} from './io/atomic.js'
import {defaultFields, type FieldMap} from './io/jsonl.js'
import {type InputFile, kindOf, readInputFile, UsageError} from './io/readers.js'
import type {Digest, ItemOptions} from './item.js'
import {lockOut} from './out-lock.js'
import {createRunner, defaultJobs, mapOrdered} from './pool.js'
import type {EndUnit, Finished, ItemDone, Unit} from './pool-worker.js'
import {Progress} from './progress.js'
import {finishOutput, OutputFile, type RunState, removeState, saveState} from './resume.js'
import {prepareResume, sweepTemporaries} from './resume-run.js'
import type {Outcome} from './run.js'
import {type Summary, SummaryBuilder} from './summary.js'

/** Extensions read as one record per line (kept here for existing importers). */
export {
  expandPaths,
  type InputFile,
  jsonlExtensions,
  textExtensions,
  UsageError,
} from './io/readers.js'

/** The run's own outputs in `--out`: every record, and the summary. */
export const recordsFile = 'copydesk-records.jsonl'
export const summaryFile = 'copydesk-summary.json'
/** The run's own files in `--out` (the state file only while the run is unfinished). */
export const runFiles = [recordsFile, summaryFile, 'copydesk-state.json']

/** A run writes a checkpoint after this long (ms) or this many records, whichever comes first. */
const checkpointEvery = 1000
const checkpointRecords = 256

export interface BatchOptions extends CleanOptions {
  /** Output folder; without it, records go only to `onLine`/`onRecord`. */
  readonly out?: string | undefined
  readonly fields?: FieldMap | undefined
  /** Threads that clean: the main thread and `jobs - 1` workers (default: one per core). */
  readonly jobs?: number | undefined
  /** Also write each record's cleaned text to `texts/` in `out`, for every input kind. */
  readonly textFiles?: boolean | undefined
  /** Continue the interrupted run in `out` (default: start afresh). */
  readonly resume?: boolean | undefined
  /** Where to draw a progress bar (only drawn on a terminal). */
  readonly progress?: NodeJS.WriteStream | undefined
  /** Called with every record's JSON line (no newline), in input order. */
  readonly onLine?: ((json: string) => void | Promise<void>) | undefined
  /** Called with every record (parsed back from its line), in input order. */
  readonly onRecord?: ((record: Outcome, file: InputFile) => void | Promise<void>) | undefined
  /** Called for a resume that had nothing left to do, or other notes for the user. */
  readonly onNote?: ((note: string) => void) | undefined
}

export interface BatchResult {
  summary: Summary
  /** Output files written (absolute paths). */
  written: string[]
}

/** Clean every file; see the module comment. */
export async function runBatch(
  files: readonly InputFile[],
  options: BatchOptions,
): Promise<BatchResult> {
  const out = options.out === undefined ? undefined : resolve(options.out)
  const outInfo = out === undefined ? undefined : await stat(out).catch(() => undefined)
  if (outInfo && !outInfo.isDirectory()) {
    throw new UsageError(`--out ${options.out} is not a folder`)
  }
  const clash = out && outputClash(files, out, runFiles, options.textFiles === true)
  if (clash) throw new UsageError(clash)
  if (options.resume && !out) throw new UsageError('--resume needs --out DIR')
  const lock = out ? await lockOut(out) : undefined
  try {
    return await runLocked(files, options, out)
  } finally {
    await lock?.release()
  }
}

/** {@link runBatch} once the checks are done and `out`, if any, is locked. */
async function runLocked(
  files: readonly InputFile[],
  options: BatchOptions,
  out: string | undefined,
): Promise<BatchResult> {
  const itemOptions: ItemOptions = {score: options.score, dryRun: options.dryRun}
  const fields = options.fields ?? defaultFields
  const summary = new SummaryBuilder()
  const {fingerprint, bytes, sizes} = await fingerprintOf(files, options, itemOptions)
  summary.inputBytes = bytes
  const written: string[] = []

  const resumed = out
    ? await prepareResume(out, fingerprint, options.resume === true, summary)
    : undefined
  if (out && resumed?.finished) {
    options.onNote?.(`Nothing to resume in ${out}: the run had finished`)
    return {summary: summary.build(), written}
  }
  const skip = resumed?.items ?? 0
  summary.resumed = skip

  const state: RunState = {
    format: 1,
    fingerprint,
    items: skip,
    outputs: {},
    completed: [],
    finished: false,
  }
  const records = out
    ? await OutputFile.open(join(out, recordsFile), resumed?.outputs[recordsFile])
    : undefined

  // Progress in input bytes done: the sizes of the files finished, plus, for the file being
  // written, the bytes its reader has read scaled by the share of its items written (the
  // reader runs ahead of the writer; gzipped files count their compressed bytes, like `bytes`).
  let bytesDone = 0
  const reading = new Map<number, {stream?: ReadStream; read: number; written: number}>()
  let writing = -1
  const progress = new Progress(options.progress, bytes)
  const bytesRead = (): number => {
    const file = reading.get(writing)
    const partial =
      file?.stream && file.read > 0 ? (file.stream.bytesRead * file.written) / file.read : 0
    return bytesDone + partial
  }

  async function* units(): AsyncGenerator<Unit> {
    let index = 0
    for (const [fileIndex, file] of files.entries()) {
      let count = 0
      const counts: {stream?: ReadStream; read: number; written: number} = {read: 0, written: 0}
      reading.set(fileIndex, counts)
      const perFile = kindOf(file.path) === 'text' || kindOf(file.path) === 'html'
      const wantText = out !== undefined && (perFile || options.textFiles === true)
      for await (const item of readInputFile(file, {
        fields,
        rawJsonl: true, // parsed by the workers
        onStream: (stream) => {
          counts.stream = stream
        },
      })) {
        count++
        counts.read++
        if (index++ < skip) continue
        yield {
          kind: 'item',
          index: index - 1,
          fileIndex,
          ordinal: count,
          item: wantText ? {...item, wantText} : item,
        }
      }
      yield {kind: 'end', fileIndex, items: count}
    }
  }

  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), bytes < 64 * 1024 ? 1 : 64))
  summary.jobs = jobs
  const runner = await createRunner(jobs, itemOptions, fields)
  let mirror: {file: number; output: OutputFile; name: string} | undefined
  let lastCheckpoint = performance.now()
  let sinceCheckpoint = 0

  const checkpoint = async (): Promise<void> => {
    if (!out || !records) return
    await records.sync()
    state.outputs = {[recordsFile]: records.bytes}
    if (mirror) {
      await mirror.output.sync()
      state.outputs[mirror.name] = mirror.output.bytes
    }
    await saveState(out, state)
    lastCheckpoint = performance.now()
    sinceCheckpoint = 0
  }

  // Per input file, worked out once: the main thread does as little as it can per record.
  const kinds = files.map((file) => kindOf(file.path))
  const mirrors = files.map((file) => mirrorOf(file))

  const endFile = async (result: EndUnit): Promise<void> => {
    reading.delete(result.fileIndex)
    bytesDone += sizes[result.fileIndex] ?? 0
    const name = mirrors[result.fileIndex]
    if (out && name && kinds[result.fileIndex] === 'jsonl') {
      if (mirror?.file === result.fileIndex) {
        await mirror.output.close()
        mirror = undefined
      } else if (resumed?.outputs[name] !== undefined) {
        // Every item was done before the checkpoint, the file's end was not: cut back, then finish.
        await (await OutputFile.open(join(out, name), resumed.outputs[name])).close()
      } else if (result.items === 0) {
        await writeFileAtomic(join(out, name), '')
      }
      state.completed.push(name)
      await checkpoint()
      await finishOutput(join(out, name))
      written.push(join(out, name))
    }
  }

  const decoder = new TextDecoder()
  /** Write one record: `line` is its JSONL line as UTF-8, newline included. */
  const emitItem = async (result: ItemDone, line: Uint8Array): Promise<void> => {
    const file = files[result.fileIndex]
    summary.addDigest(result.digest)
    if (records) await records.write(line)
    if (out && file) {
      const name = mirrors[result.fileIndex]
      const kind = kinds[result.fileIndex]
      if (name && kind === 'jsonl') {
        if (mirror?.file !== result.fileIndex) {
          mirror = {
            file: result.fileIndex,
            name,
            output: await OutputFile.open(join(out, name), resumed?.outputs[name]),
          }
        }
        await mirror.output.write(line)
      } else if (name && result.text !== undefined) {
        const text = result.text
        await writeFileAtomic(join(out, name), text.length > 0 ? `${text}\n` : '')
        written.push(join(out, name))
      }
      const ownFile = kind === 'text' || kind === 'html' // already mirrored as a text file
      if (options.textFiles && !ownFile && result.text !== undefined) {
        const path = join(out, textFileOf(file, result.ordinal ?? result.index + 1, result.item.id))
        const text = result.text
        await writeFileAtomic(path, text.length > 0 ? `${text}\n` : '')
        written.push(path)
      }
    }
    if (options.onLine || options.onRecord) {
      // Only callers that want each record as text pay for decoding it.
      const json = decoder.decode(line.subarray(0, line.length - 1))
      await options.onLine?.(json)
      if (options.onRecord && file) await options.onRecord(JSON.parse(json) as Outcome, file)
    }
    state.items = result.index + 1
    writing = result.fileIndex
    const counts = reading.get(result.fileIndex)
    if (counts) counts.written++
    progress.update(summary, bytesRead())
    if (
      ++sinceCheckpoint >= checkpointRecords ||
      performance.now() - lastCheckpoint >= checkpointEvery
    ) {
      await checkpoint()
    }
  }

  const emit = async (finished: Finished): Promise<void> => {
    let offset = 0
    for (const unit of finished.units) {
      if (unit.kind === 'end') await endFile(unit)
      else {
        // A view into the batch's buffer, not a copy.
        await emitItem(unit, finished.bytes.subarray(offset, offset + unit.length))
        offset += unit.length
      }
    }
  }

  try {
    for await (const finished of mapOrdered(units(), runner)) {
      await emit(finished)
      // The outputs hold views of the batch's bytes until they flush: once
      // they have, its buffer can take a later batch's lines.
      await records?.flush()
      await mirror?.output.flush()
      runner.recycle(finished.bytes)
    }
    progress.done(summary, bytesRead())
    const built = summary.build()
    if (out && records) {
      await records.close()
      await writeFileAtomic(join(out, summaryFile), `${JSON.stringify(built, null, 2)}\n`)
      state.completed.push(recordsFile)
      state.finished = true
      state.outputs = {}
      await saveState(out, state)
      await finishOutput(join(out, recordsFile))
      await removeState(out)
      // Also what a run killed before its first checkpoint left (a text file's
      // temporary copy): the lock keeps other runs out, so nothing else writes here.
      await sweepTemporaries(out)
      written.push(join(out, recordsFile), join(out, summaryFile))
    }
    return {summary: built, written}
  } catch (error) {
    progress.done(summary, bytesRead())
    // Keep the partial outputs and the state: `--resume` continues from the last checkpoint.
    throw error
  } finally {
    await runner.close()
  }
}

export type {Digest}
