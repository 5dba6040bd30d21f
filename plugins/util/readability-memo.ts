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

// An index entry: the slot + 1 in its bottom 16 bits, the hash's top 16 in the rest.
const bottomHalf = 0xffff
const topHalf = ~bottomHalf

/**
 * A bounded memo from words to slots of a table of what the readability
 * formulas know of them.
 *
 * Every word of a new document is a new string, and `Map#get` on a string V8
 * has not hashed yet costs a call into the runtime: on news text that was half
 * the cost of parsing. This table hashes the characters itself (FNV-1a, 32
 * bits). A lookup right after a parse, whose tree has pushed the table out of
 * the processor's caches, pays for every cache line it touches, so:
 * - a slot holds the word's hash, length and characters (up to 16 in place)
 *   and the caller's facts side by side in one 64-byte line of a typed array,
 *   so a word is found and read in one line, and a string kept elsewhere in
 *   the heap is read only for words longer than that;
 * - slots are handed out in the order words are first met, and a separate
 *   index of one 32-bit number a word (its slot, and the top half of its
 *   hash to turn most other words away without reading their slot) leads to
 *   them. The words a stream of news meets first are its common ones, so the
 *   slots most lookups read sit together at the start of the table and stay
 *   in the caches, and the index is an eighth of the slots' size.
 * The index uses open addressing with linear probes, at most half full; when
 * the table is full it is emptied, so a long batch of rare words cannot grow
 * it. The facts of a word never change once filled, and a slot is matched on
 * all its characters, so answers never depend on the memo.
 */
export class WordMemo {
  /** Every slot's cells, `cellsPerSlot` a slot; the caller's facts from `factCell`. */
  readonly cells: Int32Array
  /** By the low bits of a word's hash: 0 (none), or its slot + 1 and the top half of its hash. */
  readonly #index: Int32Array
  readonly #mask: number
  readonly #limit: number
  /** The words longer than a slot holds in place, by slot. */
  readonly #longKeys: Array<string | undefined>
  readonly #fill: (slot: number, word: string) => void
  #size = 0
  #generation = 0

  /**
   * A memo of `2 ** (bits - 1)` slots (numbered from 0, in the order words are
   * met), with an index of `2 ** bits` places; `fill` writes the facts of
   * `word` into `slot` (in `cells` from `factCell`, or in the caller's
   * arrays); it must not use this memo. `bits` is 2 to 16.
   */
  constructor(bits: number, fill: (slot: number, word: string) => void) {
    if (!(Number.isInteger(bits) && bits >= 2 && bits <= 16)) {
      throw new RangeError(`WordMemo: bits must be an integer from 2 to 16, not ${bits}`)
    }
    const places = 2 ** bits
    this.#index = new Int32Array(places)
    this.#mask = places - 1
    this.#limit = places / 2
    this.cells = new Int32Array(this.#limit * cellsPerSlot)
    this.#longKeys = new Array<string | undefined>(this.#limit).fill(undefined)
    this.#fill = fill
  }

  /**
   * The slot holding the facts of `word`, filled on the first call for it.
   * Read it before the next call: a full memo is emptied and refilled.
   */
  slot(word: string): number {
    const cells = this.cells
    const index = this.#index
    const mask = this.#mask
    const length = word.length
    const hash = hashOf(word)
    const top = hash & topHalf
    let place = hash & mask
    for (;;) {
      const entry = index[place] ?? 0
      if (entry === 0) break
      if ((entry & topHalf) === top) {
        const slot = (entry & bottomHalf) - 1
        const at = slot * cellsPerSlot
        if (
          cells[at + lengthCell] === length + 1 &&
          cells[at + hashCell] === hash &&
          this.#holds(at, slot, word)
        ) {
          return slot
        }
      }
      place = (place + 1) & mask
    }
    if (this.#size >= this.#limit) {
      this.clear()
      place = hash & mask
    }
    const slot = this.#size
    index[place] = top | (slot + 1)
    const at = slot * cellsPerSlot
    cells[at + hashCell] = hash
    cells[at + lengthCell] = length + 1
    // A word cut from a document must not keep the document alive here.
    const own = unshared(word)
    if (length > inlineChars) this.#longKeys[slot] = own
    else
      for (let char = 0; char < length; char += 2)
        cells[at + charCell + (char >> 1)] = pair(word, char)
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
    // Slots are refilled whole before they are read again: only the index
    // and the strings (which would keep them alive) need emptying.
    this.#index.fill(0)
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
