import {unshared} from './unshared.js'

/** Numbers (32-bit cells) a slot takes in `WordMemo#cells`: one 64-byte cache line. */
export const cellsPerSlot = 16
/** The first of a slot's cells its caller fills with the facts of the word. */
export const factCell = 2
/** How many cells a slot has for facts (`factCell` onwards). */
export const factCells = 6

// A slot's cells: the word's hash, its length + 1 (0: empty), the caller's
// facts, then its characters two to a cell; a longer word is compared with
// its string, kept in `#longKeys`.
const hashCell = 0
const lengthCell = 1
const charCell = factCell + factCells
const inlineChars = (cellsPerSlot - charCell) * 2

/**
 * A bounded memo from words to slots of a table of what the readability
 * formulas know of them.
 *
 * Every word of a new document is a new string, and `Map#get` on a string V8
 * has not hashed yet costs a call into the runtime: on news text that was half
 * the cost of parsing. This table hashes the characters itself (FNV-1a, 32
 * bits). A lookup right after a parse, whose tree has pushed the table out of
 * the processor's caches, pays for every cache line it touches: a slot holds
 * the word's hash, length and characters (up to 16 in place) and the caller's
 * facts side by side in one 64-byte line of a typed array, so a word is found
 * and read in one line, and a string kept elsewhere in the heap is read only
 * for words longer than that. Open addressing with linear probes, at most
 * half full; when full it is emptied, so a long batch of rare words cannot
 * grow it. The facts of a word never change once filled, and a slot is
 * matched on all its characters, so answers never depend on the memo.
 */
export class WordMemo {
  /** Every slot's cells, `cellsPerSlot` a slot; the caller's facts from `factCell`. */
  readonly cells: Int32Array
  readonly #mask: number
  readonly #limit: number
  /** The words longer than a slot holds in place, by slot. */
  readonly #longKeys: Array<string | undefined>
  readonly #fill: (slot: number, word: string) => void
  #size = 0
  #generation = 0

  /**
   * A memo of `2 ** bits` slots, at most half of them used; `fill` writes the
   * facts of `word` into `slot` (in `cells` from `factCell`, or in the
   * caller's arrays); it must not use this memo.
   */
  constructor(bits: number, fill: (slot: number, word: string) => void) {
    const slots = 2 ** bits
    this.cells = new Int32Array(slots * cellsPerSlot)
    this.#mask = slots - 1
    this.#limit = slots / 2
    this.#longKeys = new Array<string | undefined>(slots).fill(undefined)
    this.#fill = fill
  }

  /**
   * The slot holding the facts of `word`, filled on the first call for it.
   * Read it before the next call: a full memo is emptied and refilled.
   */
  slot(word: string): number {
    const cells = this.cells
    const mask = this.#mask
    const length = word.length
    const hash = hashOf(word)
    const home = hash & mask
    let slot = home
    for (;;) {
      const at = slot * cellsPerSlot
      const stored = cells[at + lengthCell] ?? 0
      if (stored === 0) break
      if (stored === length + 1 && cells[at + hashCell] === hash && this.#holds(at, slot, word)) {
        return slot
      }
      slot = (slot + 1) & mask
    }
    if (this.#size >= this.#limit) {
      this.clear()
      slot = home
    }
    const at = slot * cellsPerSlot
    cells[at + hashCell] = hash
    cells[at + lengthCell] = length + 1
    // A word cut from a document must not keep the document alive here.
    const own = unshared(word)
    if (length > inlineChars) this.#longKeys[slot] = own
    else
      for (let index = 0; index < length; index += 2)
        cells[at + charCell + (index >> 1)] = pair(word, index)
    this.#fill(slot, own)
    this.#size++
    return slot
  }

  /** How many times the memo was emptied: a slot read in one generation means nothing in another. */
  get generation(): number {
    return this.#generation
  }

  /** Empty the memo (a new generation). */
  clear(): void {
    this.cells.fill(0)
    this.#longKeys.fill(undefined)
    this.#size = 0
    this.#generation++
  }

  /** Whether the slot at cell `at` holds `word`, whose hash and length it has. */
  #holds(at: number, slot: number, word: string): boolean {
    const length = word.length
    if (length > inlineChars) return this.#longKeys[slot] === word
    const cells = this.cells
    for (let index = 0; index < length; index += 2) {
      if (cells[at + charCell + (index >> 1)] !== pair(word, index)) return false
    }
    return true
  }
}

/** The UTF-16 code units at `index` and after it (none past the end) in one 32-bit number. */
function pair(word: string, index: number): number {
  const next = index + 1 < word.length ? word.charCodeAt(index + 1) : 0
  return word.charCodeAt(index) | (next << 16)
}

// FNV-1a over UTF-16 code units (Fowler, Noll and Vo; offset basis 2166136261,
// prime 16777619), then a final mix so that the low bits used as the slot
// depend on every character. A signed 32-bit number, as `Int32Array` holds it.
function hashOf(word: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < word.length; index++) {
    value = Math.imul(value ^ word.charCodeAt(index), 0x01000193)
  }
  return value ^ (value >>> 15)
}
