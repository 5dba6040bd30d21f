/**
 * Every word of score-neutrality's terms, numbered, in a compact hash table of
 * typed arrays: a word of the text is looked up from its character codes,
 * case-folded on the fly, so the hot loop builds no lower-case string and
 * touches a few kilobytes instead of a large `Map` of strings (which, between
 * the other plugins' work, is mostly out of the CPU cache). Terms keep the ids
 * of their words, so a phrase is matched by comparing numbers.
 */
import type {PhraseTable} from './neutrality-lexicon.js'

/** A table term with the ids of its words. */
export interface IndexedTerm {
  readonly term: Candidates[number]
  readonly ids: Int32Array
}

/** The terms of a table that start with one word. */
export interface TermList {
  /** Every term, longest first. */
  readonly terms: readonly IndexedTerm[]
  /**
   * For a long list (`a`, `some` start dozens of phrases): its phrases by the
   * id of their second word, each group in list order.
   */
  readonly bySecond: ReadonlyMap<number, readonly IndexedTerm[]> | undefined
  /** The one-word term, when listed (last in `terms`, being the shortest). */
  readonly single: IndexedTerm | undefined
}

/** Lists longer than this are grouped by second word (a look-up beats trying each phrase). */
const groupAbove = 2

/** The terms of a table that start with one word, longest first. */
export type Candidates = NonNullable<ReturnType<PhraseTable['get']>>

/** The filter reads a hash's top 15 bits (the slots its bottom ones): 32,768 bits. */
const filterShift = 17
const filterWords = 2 ** (32 - filterShift) / 32

/** No term has this word. */
export const unknownWord = -1

const fnvOffset = 0x811c9dc5 | 0
const fnvPrime = 0x01000193
const apostrophe = 0x27
const rightSingleQuote = 0x2019

/**
 * The code a term stores for `code`: ASCII capitals in lower case, a curly
 * apostrophe straight (what `normaliseWord` does, for the characters it can
 * meet here: callers send anything else through `normaliseWord` first).
 */
export function foldCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20
  return code === rightSingleQuote ? apostrophe : code
}

/** One step of the FNV-1a hash over folded character codes. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, fnvPrime)
}

/** The hash of nothing, where every word's hash starts. */
export const hashStart = fnvOffset

/** The numbered words of two phrase tables, and each word's terms by table. */
export class WordIndex {
  /**
   * Open addressing, two numbers a slot: a word's hash, then its id (or
   * `unknownWord`: empty), at slot `hash & mask` and on. The hash sits by the
   * id, so a miss reads one cache line.
   */
  private readonly slots: Int32Array
  private readonly mask: number
  /**
   * One bit for each value of a hash's top bits, set when some word has it: a
   * 4 KB table that stays in cache, so most words in no term (three in five
   * of a news text) are turned away without reading the slots.
   */
  private readonly filter: Int32Array
  /** Characters of word `id`: `pool[starts[id]]` up to `pool[starts[id + 1]]`. */
  private readonly starts: Int32Array
  private readonly pool: Uint16Array
  /** Curated terms starting with word `id`. */
  readonly curated: (TermList | undefined)[] = []
  /** Package terms starting with word `id`. */
  readonly packaged: (TermList | undefined)[] = []

  constructor(curated: PhraseTable, packaged: PhraseTable) {
    const words: string[] = []
    const ids = new Map<string, number>()
    const idOf = (word: string) => {
      let id = ids.get(word)
      if (id === undefined) {
        id = words.length
        ids.set(word, id)
        words.push(word)
      }
      return id
    }
    const indexed = (list: Candidates) =>
      termList(list.map((term) => ({term, ids: Int32Array.from(term.words, idOf)})))
    for (const [first, list] of curated) this.curated[idOf(first)] = indexed(list)
    for (const [first, list] of packaged) this.packaged[idOf(first)] = indexed(list)
    let size = 16
    while (size < words.length * 2) size *= 2
    this.slots = new Int32Array(size * 2).fill(unknownWord)
    this.mask = size - 1
    this.filter = new Int32Array(filterWords)
    this.starts = new Int32Array(words.length + 1)
    this.pool = new Uint16Array(words.reduce((sum, word) => sum + word.length, 0))
    let at = 0
    words.forEach((word, id) => {
      let hash = hashStart
      this.starts[id] = at
      for (let index = 0; index < word.length; index++) {
        const code = word.charCodeAt(index)
        this.pool[at++] = code
        hash = hashStep(hash, code)
      }
      const bit = hash >>> filterShift
      this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31))
      let slot = hash & this.mask
      while ((this.slots[slot * 2 + 1] as number) !== unknownWord) slot = (slot + 1) & this.mask
      this.slots[slot * 2] = hash
      this.slots[slot * 2 + 1] = id
    })
    this.starts[words.length] = at
  }

  /**
   * The id of the first `length` characters of `text`, folded (see
   * {@link foldCode}), whose hash is `hash`; `unknownWord` when no term has
   * that word.
   */
  find(text: string, length: number, hash: number): number {
    const bit = hash >>> filterShift
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return unknownWord
    const {slots, mask, starts, pool} = this
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot * 2 + 1] as number
      if (id === unknownWord) return unknownWord
      if (slots[slot * 2] !== hash) continue
      const start = starts[id] as number
      if ((starts[id + 1] as number) - start !== length) continue
      let index = 0
      while (index < length && foldCode(text.charCodeAt(index)) === pool[start + index]) index++
      if (index === length) return id
    }
  }
}

function termList(terms: readonly IndexedTerm[]): TermList {
  const last = terms[terms.length - 1]
  const single = last?.ids.length === 1 ? last : undefined
  if (terms.length <= groupAbove) return {terms, bySecond: undefined, single}
  const bySecond = new Map<number, IndexedTerm[]>()
  for (const term of terms) {
    const second = term.ids[1]
    if (second === undefined) continue
    const group = bySecond.get(second) ?? []
    group.push(term)
    bySecond.set(second, group)
  }
  return {terms, bySecond, single}
}
