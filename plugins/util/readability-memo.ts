import {unshared} from './unshared.js'

/**
 * A bounded memo from words to slots of a table of what the readability
 * formulas know of them.
 *
 * Every word of a new document is a new string, and `Map#get` on a string V8
 * has not hashed yet costs a call into the runtime: on news text that was half
 * the cost of parsing. This table hashes the characters itself (FNV-1a, 32
 * bits) and compares keys with `===`, which compares characters without
 * hashing; the facts live in typed arrays beside the keys (one slot a word),
 * not in an object a word. Open addressing with linear probes, at most half
 * full; when full it is emptied, so a long batch of rare words cannot grow it.
 * The facts of a word never change once filled, so answers never depend on it.
 */
export class WordMemo {
  readonly #mask: number
  readonly #limit: number
  readonly #keys: Array<string | undefined>
  readonly #fill: (slot: number, word: string) => void
  #size = 0

  /**
   * A memo of `2 ** bits` slots, at most half of them used; `fill` writes the
   * facts of `word` into `slot` of the caller's arrays (it must not use this
   * memo).
   */
  constructor(bits: number, fill: (slot: number, word: string) => void) {
    const slots = 2 ** bits
    this.#mask = slots - 1
    this.#limit = slots / 2
    this.#keys = new Array<string | undefined>(slots).fill(undefined)
    this.#fill = fill
  }

  /**
   * The slot holding the facts of `word`, filled on the first call for it.
   * Read it before the next call: a full memo is emptied and refilled.
   */
  slot(word: string): number {
    const keys = this.#keys
    const mask = this.#mask
    const home = hash(word) & mask
    let slot = home
    for (let key = keys[slot]; key !== undefined; key = keys[slot]) {
      if (key === word) return slot
      slot = (slot + 1) & mask
    }
    if (this.#size >= this.#limit) {
      keys.fill(undefined)
      this.#size = 0
      slot = home
    }
    // A word cut from a document must not keep the document alive here.
    const own = unshared(word)
    this.#fill(slot, own)
    keys[slot] = own
    this.#size++
    return slot
  }
}

// FNV-1a over UTF-16 code units (Fowler, Noll and Vo; offset basis 2166136261,
// prime 16777619), then a final mix so that the low bits used as the slot
// depend on every character.
function hash(word: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < word.length; index++) {
    value = Math.imul(value ^ word.charCodeAt(index), 0x01000193)
  }
  value ^= value >>> 15
  return value >>> 0
}
