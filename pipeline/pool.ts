/**
 * Order-preserving parallel map over a stream, with back-pressure: units are
 * grouped into batches, at most `window` batches are in flight, and results
 * come out in input order. Memory stays bounded by `window × batch size`
 * whatever the input's length.
 */
import {availableParallelism} from 'node:os'
import type {FieldMap} from './io/jsonl.js'
import {itemOfLine} from './io/readers.js'
import {digestOf, type ItemOptions, recordJson} from './item.js'
import {
  type Done,
  type Finished,
  maxRoomBytes,
  processUnitsInTurns,
  type Task,
  type Unit,
} from './pool-worker.js'
import {errorRecord} from './run.js'

/** The default `--jobs`: one thread per core. */
export const defaultJobs = (): number => availableParallelism()

export interface BatchLimits {
  /** Most units in one batch. */
  items: number
  /** Most characters of text in one batch. */
  characters: number
}

/**
 * Small enough to keep workers evenly busy and the records in flight few (a
 * record's JSON is about 11 times its text), large enough that hand-off costs
 * little.
 */
export const defaultLimits: BatchLimits = {items: 64, characters: 256 * 1024}

/** Batches in flight a thread (see {@link mapOrdered}). */
export const batchesPerThread = 3

function weightOf(unit: Unit): number {
  if (unit.kind === 'end') return 0
  const {text, html, json} = unit.item
  return (text?.length ?? 0) + (html?.length ?? 0) + (json?.length ?? 0)
}

/** Characters of text in a batch. */
function batchWeight(units: readonly Unit[]): number {
  let weight = 0
  for (const unit of units) weight += weightOf(unit)
  return weight
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

/**
 * The heaviest batch (characters) given to a worker. A record of millions of
 * characters needs gigabytes to clean, past a worker's heap cap; the worker
 * then stops and the batch is redone here. But one string larger than the
 * whole cap (a WARC page of 150 MB) does not stop the worker: V8 aborts the
 * process as it copies the string in. Past this weight the batch is cleaned
 * here from the start.
 */
const mostInWorker = 4 * 1024 * 1024

/** Runs batches: in the main thread or in worker threads. */
export interface Runner {
  readonly jobs: number
  /** Batches a worker could not finish within its heap cap, redone in the main thread. */
  readonly redone: number
  run(units: Unit[]): Promise<Finished>
  /**
   * The caller has written a finished batch's `bytes` and keeps no view of
   * them: their buffer may take a later batch's lines.
   */
  recycle(bytes: Uint8Array): void
  close(): Promise<void>
}

/** Every item of a batch as an error record, when the batch itself failed (a worker died). */
export function failedBatch(
  units: readonly Unit[],
  options: ItemOptions,
  error: unknown,
  fields?: FieldMap,
): Finished {
  const reason = `Processing failed: ${error instanceof Error ? error.message : String(error)}`
  const encoder = new TextEncoder()
  const lines: string[] = []
  const done = units.map((unit): Done => {
    if (unit.kind === 'end') return unit
    // A raw JSONL line is parsed here only to say where the record was (its id).
    const item = fields ? itemOfLine(unit.item, fields) : unit.item
    const {text: _text, html: _html, json: _json, extra: _extra, ...where} = item
    const outcome = errorRecord(where, reason)
    const line = `${recordJson(outcome, item, options)}\n`
    lines.push(line)
    return {...unit, item: where, length: encoder.encode(line).length, digest: digestOf(outcome)}
  })
  return {units: done, bytes: encoder.encode(lines.join(''))}
}

/**
 * Heap caps of each worker thread (MB). V8 grows a heap far past what it keeps
 * alive (about 20 MB here) before it collects; the old-generation cap keeps a
 * worker near its working set at no measurable CPU cost (a 64 MB cap saved
 * 16 MB more at 8 % less speed). The young generation is capped at 24 MB
 * (semi-spaces of 8 MB; V8's default grows them to 16): on 30,000 Reuters
 * records with `--jobs 2`, peak RSS 281–283 MB against 298–309, at 2–3 % less
 * speed (alternated runs, 1,204–1,262 against 1,217–1,342 records/s). A batch
 * that overflows the cap (a very large document) is redone in the main
 * thread, which has no cap.
 */
export const workerHeapMb: HeapCaps = {old: 128, young: 24}

export interface HeapCaps {
  /** Old generation (MB). */
  old: number
  /** Young generation (MB); V8's default when absent. */
  young?: number | undefined
}

/**
 * A runner for `jobs` threads that clean: the main thread, plus a piscina pool
 * of `jobs - 1` workers above 1. The main thread takes a batch whenever the
 * workers already hold two each, so every thread stays busy: on two cores,
 * a third isolate (an idle main thread beside two workers) only added its
 * collector threads and its heap to compete for the same cores and memory.
 * The main thread cleans its batches one after another, an item a turn of
 * its event loop, so that it keeps handing batches to the workers and writing
 * their results while it cleans. `fields` name the fields of raw JSONL lines
 * (see `itemOfLine`); `heapMb` replaces {@link workerHeapMb}.
 */
export async function createRunner(
  jobs: number,
  options: ItemOptions,
  fields?: FieldMap,
  heapMb: HeapCaps = workerHeapMb,
): Promise<Runner> {
  const task = (units: Unit[], room: ArrayBuffer | undefined): Task => ({
    units,
    options,
    ...(fields ? {fields} : {}),
    ...(room ? {room} : {}),
  })
  // Buffers of written batches, each the room of a next batch: as many as
  // batches can be in flight, none larger than a thread keeps making.
  const rooms: ArrayBuffer[] = []
  const recycle = (bytes: Uint8Array): void => {
    const {buffer} = bytes
    if (
      buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      buffer.byteLength <= maxRoomBytes &&
      rooms.length < jobs * batchesPerThread
    ) {
      rooms.push(buffer)
    }
  }
  // Closing stops the main thread's batches still queued (a run that failed goes no further).
  const stop = new AbortController()
  let here = 0
  const runHere = (units: Unit[]): Promise<Finished> => {
    here++
    return processUnitsInTurns(task(units, rooms.pop()), stop.signal)
      .catch((error) => failedBatch(units, options, error, fields))
      .finally(() => {
        here--
      })
  }
  if (jobs <= 1) {
    return {
      jobs: 1,
      redone: 0,
      run: runHere,
      recycle,
      close: async () => {
        stop.abort()
      },
    }
  }
  // Loaded only when threads are wanted: `--jobs 1` and small runs start faster.
  const {Piscina} = await import('piscina')
  const workers = jobs - 1
  const pool = new Piscina<Task, Finished>({
    filename: new URL('./pool-entry.cjs', import.meta.url).href,
    workerData: {module: workerModule()},
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb.old,
      ...(heapMb.young === undefined ? {} : {maxYoungGenerationSizeMb: heapMb.young}),
    },
  })
  let redone = 0
  let inPool = 0
  // What `--jobs 2` leaves the main thread anyway (a window of six, two in
  // the worker). Two at most was 8 % slower there (three alternated runs of
  // 10,000 records: 917–953 against 961–1,044 records/s), and without a cap a
  // window of 3 × jobs gives it up to jobs + 2 batches to clean in order.
  const mostHere = 4
  return {
    jobs,
    get redone() {
      return redone
    },
    run: (units) => {
      // Two a worker keep each one busy while its last result travels back;
      // the main thread holds `mostHere` at most, so that with many workers
      // the head of the ordered output does not wait in a long queue of its own.
      // A batch over the usual size (one very long record) still goes to a
      // worker: cleaned here, it would hold up the main thread, and with it
      // checkpoints, the progress bar and Ctrl-C, for seconds. Not one past
      // `mostInWorker`, though: see there.
      const weight = batchWeight(units)
      if (
        weight > mostInWorker ||
        (inPool >= 2 * workers && here < mostHere && weight <= defaultLimits.characters)
      ) {
        return runHere(units)
      }
      inPool++
      // The room is moved to the worker, not copied.
      const room = rooms.pop()
      return pool.run(task(units, room), room ? {transferList: [room]} : {}).then(
        (finished) => {
          inPool--
          return finished
        },
        (error: unknown) => {
          inPool--
          if ((error as {code?: unknown}).code !== 'ERR_WORKER_OUT_OF_MEMORY') {
            return failedBatch(units, options, error, fields)
          }
          redone++
          return runHere(units)
        },
      )
    },
    recycle,
    close: async () => {
      stop.abort()
      await pool.destroy()
    },
  }
}

/**
 * The module the workers clean with, for this module running as the file
 * `running` with the URL `url` of its tsc output: in the command's bundle
 * (scripts/bundle-cli.ts) it runs as one of the bundle's chunks
 * (`cli.chunk-*.js`), and the workers load the bundle's worker module,
 * written in the same step (a handful of files to load instead of about 300
 * modules); else tsc's. The bundle rewrites `import.meta.url` to the tsc
 * path, so `import.meta.filename` tells the two apart.
 */
export function workerModuleOf(running: string, url: string): string {
  const bundled = /[\\/]cli\.chunk-[^\\/]+\.js$/.test(running)
  return new URL(bundled ? './cli.worker.js' : './pool-worker.js', url).href
}

const workerModule = (): string => workerModuleOf(import.meta.filename, import.meta.url)

/**
 * Finished batches, in input order. At most `window` batches are in flight;
 * the source is read only as results are taken. Three a thread: two a worker
 * keep it busy, and the main thread's queue, which is also the ordered map's
 * head, must hold enough that it never waits for a worker's batch with
 * nothing of its own to clean. With two a thread, the main thread sat idle
 * 15 % and the worker waited 1 % of a `--jobs 2` run (CPU profiles, 10,000
 * Reuters records); with three, 4 % and 3 %, at about 10 MB more peak memory.
 */
export async function* mapOrdered(
  units: AsyncIterable<Unit>,
  runner: Runner,
  window = runner.jobs * batchesPerThread,
  limits: BatchLimits = defaultLimits,
): AsyncGenerator<Finished> {
  const pending: Array<Promise<Finished>> = []
  for await (const batch of batches(units, limits)) {
    pending.push(runner.run(batch))
    while (pending.length >= window) {
      const next = pending.shift()
      if (next) yield await next
    }
  }
  for (const next of pending) yield await next
}
