/**
 * The work of a batch, in units that keep their input order: items to clean
 * and file-end marks that pass through. `processUnits` runs in the main thread
 * (`--jobs 1`) or, as this module's default export, in a piscina worker.
 *
 * A worker does all the per-record work it can, so that the main thread, which
 * shares the cores with the workers, only writes: it parses raw JSONL lines,
 * cleans, serialises each record and encodes the batch's lines as one UTF-8
 * buffer (transferred back, not copied), with the few facts the summary needs.
 */
import {defaultFields, type FieldMap} from './io/jsonl.js'
import {itemOfLine} from './io/readers.js'
import {type Digest, type InputItem, type ItemOptions, processItem} from './item.js'

/** An item to clean, numbered in input order (0-based). */
export interface ItemUnit {
  kind: 'item'
  index: number
  /** Index of its input file (-1 for stdin). */
  fileIndex: number
  /** 1-based position of the item in its file. */
  ordinal?: number | undefined
  item: InputItem
}

/** The end of an input file: its outputs can be committed once every item before it is out. */
export interface EndUnit {
  kind: 'end'
  fileIndex: number
  /** Items the file held, including those a resumed run skipped. */
  items: number
}

export type Unit = ItemUnit | EndUnit

/** A cleaned item: where it was, the bytes of its line in the batch, its digest. */
export interface ItemDone extends Omit<ItemUnit, 'item'> {
  /** The item without its text, HTML, raw line or kept fields (they are in its line). */
  item: InputItem
  /** Bytes of its JSONL line (with the newline) in {@link Finished.bytes}. */
  length: number
  digest: Digest
  /** The cleaned text, when the item asked for it (`wantText`) and is not an error. */
  text?: string | undefined
}

export type Done = ItemDone | EndUnit

/** A finished batch: every unit in input order, and the records' JSONL lines as UTF-8. */
export interface Finished {
  units: Done[]
  /** Each item's line, newline included, one after the other in unit order. */
  bytes: Uint8Array
}

/** A batch of units and the options of the run, as sent to a worker. */
export interface Task {
  units: Unit[]
  options: ItemOptions
  /** Fields of raw JSONL lines (default `id`, `text`). */
  fields?: FieldMap | undefined
  /**
   * A buffer for the batch's lines: one a finished batch came in, which the
   * main thread has written and hands back (moved, not copied), so that a
   * run does not allocate megabytes a batch.
   */
  room?: ArrayBuffer | undefined
}

const encoder = new TextEncoder()

/**
 * A buffer made for a batch starts at the largest size this thread has needed,
 * up to this: one batch with a very long record does not set every later size,
 * and a larger buffer is not kept to be reused (`Runner#recycle`).
 */
export const maxRoomBytes = 8 * 1024 * 1024

/**
 * The batch's lines as UTF-8, each encoded as soon as it is made: a record's
 * JSON string then dies young, where keeping the batch's strings to the end
 * had the young-generation collector copy them, then promote them to the old
 * generation (most of what a worker promoted, and so of its heap's growth).
 */
class LineBuffer {
  #bytes = new Uint8Array(0)
  #length = 0
  /** The size a new buffer starts at: the largest this thread has needed. */
  #capacity = 64 * 1024

  /**
   * Start a batch (forgetting what a batch that failed half-way left), in
   * `room` when it is given and at least as large as the buffer in hand.
   */
  start(room?: ArrayBuffer): void {
    this.#length = 0
    if (room && room.byteLength >= this.#bytes.length) this.#bytes = new Uint8Array(room)
  }

  /** Append `line`; returns its length in bytes. */
  append(line: string): number {
    const start = this.#length
    let {read, written} = encoder.encodeInto(line, this.#bytes.subarray(start))
    while (read < line.length) {
      // Out of room: twice the buffer, or what the rest can take at three bytes
      // a UTF-16 code unit if that is more.
      const rest = line.length - read
      const grown = new Uint8Array(
        Math.max(this.#bytes.length * 2, start + written + rest * 3, this.#capacity),
      )
      grown.set(this.#bytes.subarray(0, start + written))
      this.#bytes = grown
      this.#capacity = Math.min(grown.length, maxRoomBytes)
      const more = encoder.encodeInto(line.slice(read), grown.subarray(start + written))
      read += more.read
      written += more.written
    }
    this.#length = start + written
    return written
  }

  /**
   * The bytes so far, as a view from the start of the buffer, which goes with
   * them (a worker transfers it whole): the next batch brings a buffer back
   * (`Task.room`, once the main thread has written this one) or makes one of
   * the largest size needed so far.
   */
  take(): Uint8Array {
    const bytes = this.#bytes.subarray(0, this.#length)
    this.#bytes = new Uint8Array(0)
    this.#length = 0
    return bytes
  }
}

// One per thread. Its buffer leaves with each batch's lines and a written one
// comes back as a later batch's room: a run reuses a few buffers instead of
// allocating megabytes a batch (which glibc's malloc kept as resident memory).
const lines = new LineBuffer()
// The buffer of the batches cleaned in turns (`processUnitsInTurns`), apart,
// so that a batch cleaned in one go meanwhile cannot take its lines.
const turnLines = new LineBuffer()

/** One unit done: an item cleaned, its line appended to `buffer`. */
function processUnit(unit: Unit, task: Task, fields: FieldMap, buffer: LineBuffer): Done {
  if (unit.kind === 'end') return unit
  const item = itemOfLine(unit.item, fields)
  const processed = processItem(item, task.options)
  const length = buffer.append(`${processed.json}\n`)
  const {text: _text, html: _html, json: _json, extra: _extra, ...where} = item
  return {
    ...unit,
    item: where,
    length,
    digest: processed.digest,
    ...(processed.text === undefined ? {} : {text: processed.text}),
  }
}

/** Clean a batch; never throws for an item (an item that fails becomes an error record). */
export async function processUnits(task: Task): Promise<Finished> {
  const fields = task.fields ?? defaultFields
  lines.start(task.room)
  const units = task.units.map((unit) => processUnit(unit, task, fields, lines))
  return {units, bytes: lines.take()}
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

// Batches cleaned in turns in this thread, one after another (they share `turnLines`).
let turns: Promise<void> = Promise.resolve()

/**
 * {@link processUnits} one item a turn of the event loop, for the main
 * thread: between items it still hands batches to the workers, takes their
 * results and writes them, so neither it nor a worker waits on the other (in
 * one go, a batch of about 60 ms held up every other task of the thread).
 * Batches given while one is being cleaned wait for it, whoever gives them.
 * Once `signal` is aborted, the batch stops at its next item and rejects.
 */
export function processUnitsInTurns(task: Task, signal?: AbortSignal): Promise<Finished> {
  const finished = turns.then(() => cleanInTurns(task, signal))
  turns = finished.then(
    () => undefined,
    () => undefined,
  )
  return finished
}

async function cleanInTurns(task: Task, signal: AbortSignal | undefined): Promise<Finished> {
  const fields = task.fields ?? defaultFields
  const units: Done[] = []
  turnLines.start(task.room)
  for (const unit of task.units) {
    await nextTurn()
    signal?.throwIfAborted()
    units.push(processUnit(unit, task, fields, turnLines))
  }
  return {units, bytes: turnLines.take()}
}

/** The JSON of each item of a finished batch (no newline), in order; `undefined` for an end. */
export function* jsonOf(finished: Finished): Generator<[Done, string | undefined]> {
  const decoder = new TextDecoder()
  let offset = 0
  for (const unit of finished.units) {
    if (unit.kind === 'end') {
      yield [unit, undefined]
      continue
    }
    yield [unit, decoder.decode(finished.bytes.subarray(offset, offset + unit.length - 1))]
    offset += unit.length
  }
}

export default processUnits
