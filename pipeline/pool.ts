/**
 * Order-preserving parallel map over a stream, with back-pressure: units are
 * grouped into batches, at most `window` batches are in flight, and results
 * come out in input order. Memory stays bounded by `window × batch size`
 * whatever the input's length.
 */
import {availableParallelism} from 'node:os'
import {digestOf, type ItemOptions} from './item.js'
import {processUnits, type Result, type Task, type Unit} from './pool-worker.js'
import {errorRecord, stampFor} from './run.js'

/** The default `--jobs`: one worker per core. */
export const defaultJobs = (): number => availableParallelism()

export interface BatchLimits {
  /** Most units in one batch. */
  items: number
  /** Most characters of text in one batch. */
  characters: number
}

/** Small enough to keep workers evenly busy, large enough that hand-off costs little. */
export const defaultLimits: BatchLimits = {items: 64, characters: 512 * 1024}

function weightOf(unit: Unit): number {
  return unit.kind === 'end' ? 0 : (unit.item.text?.length ?? 0) + (unit.item.html?.length ?? 0)
}

/** Group units into batches within `limits`. */
export async function* batches(
  units: AsyncIterable<Unit>,
  limits: BatchLimits = defaultLimits,
): AsyncGenerator<Unit[]> {
  let batch: Unit[] = []
  let weight = 0
  for await (const unit of units) {
    batch.push(unit)
    weight += weightOf(unit)
    if (batch.length >= limits.items || weight >= limits.characters) {
      yield batch
      batch = []
      weight = 0
    }
  }
  if (batch.length > 0) yield batch
}

/** Runs batches: in the main thread or in worker threads. */
export interface Runner {
  readonly jobs: number
  run(units: Unit[]): Promise<Result[]>
  close(): Promise<void>
}

/** Every item of a batch as an error record, when the batch itself failed (a worker died). */
function failedBatch(units: Unit[], options: ItemOptions, error: unknown): Result[] {
  const reason = `Processing failed: ${error instanceof Error ? error.message : String(error)}`
  return units.map((unit) => {
    if (unit.kind === 'end') return unit
    const {text: _text, html: _html, ...where} = unit.item
    const outcome = errorRecord(where, reason)
    return {
      ...unit,
      item: where,
      processed: {
        json: JSON.stringify({...outcome, copydesk: stampFor(options)}),
        digest: digestOf(outcome),
      },
    }
  })
}

/** A runner for `jobs` threads: the main thread for 1, a piscina pool above. */
export async function createRunner(jobs: number, options: ItemOptions): Promise<Runner> {
  if (jobs <= 1) {
    return {
      jobs: 1,
      run: (units) =>
        processUnits({units, options}).catch((error) => failedBatch(units, options, error)),
      close: async () => {},
    }
  }
  // Loaded only when threads are wanted: `--jobs 1` and small runs start faster.
  const {Piscina} = await import('piscina')
  const pool = new Piscina<Task, Result[]>({
    filename: new URL('./pool-entry.cjs', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
  })
  return {
    jobs,
    run: (units) =>
      pool.run({units, options}).catch((error: unknown) => failedBatch(units, options, error)),
    close: () => pool.destroy(),
  }
}

/**
 * Results of every unit, in input order. At most `window` batches are in
 * flight; the source is read only as results are taken.
 */
export async function* mapOrdered(
  units: AsyncIterable<Unit>,
  runner: Runner,
  window = runner.jobs * 3,
  limits: BatchLimits = defaultLimits,
): AsyncGenerator<Result> {
  const pending: Array<Promise<Result[]>> = []
  for await (const batch of batches(units, limits)) {
    pending.push(runner.run(batch))
    while (pending.length >= window) yield* (await pending.shift()) ?? []
  }
  while (pending.length > 0) yield* (await pending.shift()) ?? []
}
