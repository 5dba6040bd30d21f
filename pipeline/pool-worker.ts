/**
 * The work of a batch, in units that keep their input order: items to clean
 * and file-end marks that pass through. `processUnits` runs in the main thread
 * (`--jobs 1`) or, as this module's default export, in a piscina worker.
 */
import {type InputItem, type ItemOptions, type Processed, processItem} from './item.js'

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

export type Result = (Omit<ItemUnit, 'item'> & {item: InputItem; processed: Processed}) | EndUnit

/** A batch of units and the options of the run, as sent to a worker. */
export interface Task {
  units: Unit[]
  options: ItemOptions
}

/** Clean a batch; never throws (an item that fails becomes an error record). */
export async function processUnits(task: Task): Promise<Result[]> {
  return task.units.map((unit) => {
    if (unit.kind === 'end') return unit
    // Only what the main thread needs of the item goes back: the text is done with.
    const {text: _text, html: _html, ...where} = unit.item
    return {...unit, item: where, processed: processItem(unit.item, task.options)}
  })
}

export default processUnits
