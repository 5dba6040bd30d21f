/**
 * Starting a run in `--out`: continue an interrupted one (`--resume`) or clear
 * what it left. See `resume.ts` for the files and the checkpoint.
 */
import {createReadStream} from 'node:fs'
import {readdir, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {readLines} from './io/jsonl.js'
import {UsageError} from './io/readers.js'
import {digestOf} from './item.js'
import {
  finishOutput,
  loadState,
  partialPath,
  partialShortOf,
  type RunState,
  removeState,
  stateFile,
} from './resume.js'
import type {Outcome} from './run.js'
import type {SummaryBuilder} from './summary.js'

const recordsName = 'copydesk-records.jsonl'

/** Where a resumed run starts. */
export type ResumePoint = Pick<RunState, 'items' | 'outputs' | 'completed' | 'finished'>

/** Count the records of the first `bytes` bytes of a records file into `summary`. */
async function recount(path: string, bytes: number, summary: SummaryBuilder): Promise<void> {
  if (bytes <= 0) return
  for await (const line of readLines(createReadStream(path, {start: 0, end: bytes - 1}))) {
    if (typeof line === 'string' && line !== '') {
      summary.addDigest(digestOf(JSON.parse(line) as Outcome))
    }
  }
}

/**
 * Prepare `out` for a run. Without `resume`, any earlier state is dropped and
 * the run starts afresh. With it, the earlier run must have had the same
 * inputs and configuration (`fingerprint`); its completed outputs are put in
 * place, the records it wrote are counted into `summary`, and the point to
 * continue from is returned (`undefined`: nothing to resume, start afresh).
 */
export async function prepareResume(
  out: string,
  fingerprint: string,
  resume: boolean,
  summary: SummaryBuilder,
): Promise<ResumePoint | undefined> {
  const state = await loadState(out)
  if (!state) return undefined
  if (!resume) {
    await removeState(out)
    return undefined
  }
  if (state.fingerprint !== fingerprint) {
    throw new UsageError(
      `Cannot resume in ${out}: the inputs or options changed since the interrupted run ` +
        `(run without --resume to start afresh)`,
    )
  }
  try {
    for (const name of state.completed) await finishOutput(join(out, name))
    if (state.finished) {
      await recount(join(out, recordsName), Number.POSITIVE_INFINITY, summary)
      await removeState(out)
      return state
    }
    const partial = partialPath(join(out, recordsName))
    const checkpoint = state.outputs[recordsName] ?? 0
    const short = await partialShortOf(partial, checkpoint)
    if (short) throw new Error(short)
    await recount(partial, checkpoint, summary)
    return state
  } catch (error) {
    if (error instanceof UsageError) throw error
    // Files of the stopped run removed or changed since: it cannot go on from where it was.
    throw new UsageError(
      `Cannot resume in ${out}: ${(error as Error).message} (run without --resume to start afresh)`,
    )
  }
}

/** Names of temporary files of atomic writes and of partial outputs. */
export const temporaryName = /^\..+\.copydesk-(?:tmp-\d+-[0-9a-f]{8}|partial)$/

/**
 * Remove what killed runs left in `out`: temporary files of atomic writes and
 * partial outputs (after a finished run every output is in place).
 */
export async function sweepTemporaries(out: string): Promise<void> {
  const entries = await readdir(out, {recursive: true, withFileTypes: true})
  for (const entry of entries) {
    if (entry.isFile() && temporaryName.test(entry.name) && entry.name !== stateFile) {
      await rm(join(entry.parentPath, entry.name), {force: true})
    }
  }
}
