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
  /** The item without its text, HTML or raw line (they are done with). */
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
}

const encoder = new TextEncoder()

/** Clean a batch; never throws for an item (an item that fails becomes an error record). */
export async function processUnits(task: Task): Promise<Finished> {
  const fields = task.fields ?? defaultFields
  const lines: string[] = []
  let total = 0
  const units = task.units.map((unit): Done => {
    if (unit.kind === 'end') return unit
    const item = itemOfLine(unit.item, fields)
    const processed = processItem(item, task.options)
    const line = `${processed.json}\n`
    const length = Buffer.byteLength(line)
    lines.push(line)
    total += length
    const {text: _text, html: _html, json: _json, ...where} = item
    return {
      ...unit,
      item: where,
      length,
      digest: processed.digest,
      ...(processed.text === undefined ? {} : {text: processed.text}),
    }
  })
  // One buffer of its own (not a slice of a pool), so a worker can transfer it; each line is
  // encoded straight into it, with no buffer per line for the collector.
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const line of lines) offset += encoder.encodeInto(line, bytes.subarray(offset)).written
  return {units, bytes}
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
