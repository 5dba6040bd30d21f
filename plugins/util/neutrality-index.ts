/**
 * Every word and term of score-neutrality's tables, in flat typed arrays: a
 * word of the text is looked up from its character codes, case-folded on the
 * fly (no lower-case string built), and a phrase is matched by comparing word
 * numbers. Nothing is one object a term: the tables are a few hundred
 * kilobytes of numbers that stay together in memory, so a look-up between the
 * other plugins' work misses the CPU cache less, and the build can write them
 * to a file that loads with one read (neutrality-index-file.ts).
 */
import type {Category, PhraseTable} from './neutrality-lexicon.js'

/** The arrays of an index: what the build writes and a load reads back. */
export interface IndexArrays {
  /**
   * Open addressing, four numbers a slot: a word's hash, its id
   * (`unknownWord`: empty), then its lists of curated and of package terms
   * (`noList`: none). The lists sit with the id, so a word found costs no
   * further read to know which terms it starts.
   */
  readonly slots: Int32Array
  /** One bit for each value of a hash's top bits, set when some word has it. */
  readonly filter: Int32Array
  /** Characters of word `id`: `pool[starts[id]]` up to `pool[starts[id + 1]]`. */
  readonly starts: Int32Array
  readonly pool: Uint16Array
  /** Terms of list `list`: `listTerms[listStarts[list]]` up to `listTerms[listStarts[list + 1]]`, longest first. */
  readonly listStarts: Int32Array
  readonly listTerms: Int32Array
  /** The list's one-word term (`noTerm`: none). */
  readonly listSingle: Int32Array
  /** Words of term `term`: `termWords[termStarts[term]]` up to `termWords[termStarts[term + 1]]`. */
  readonly termStarts: Int32Array
  readonly termWords: Int32Array
  /** Index of the term's category in `categories`. */
  readonly termCategory: Uint8Array
  /** Index of the term's alternative in `alternatives` (`noTerm`: none). */
  readonly termAlternative: Int32Array
  /** The term's `quiet`: 0 not given, 1 false, 2 true. */
  readonly termQuiet: Uint8Array
  /**
   * Long lists' phrases by second word (`a`, `some` start dozens of phrases):
   * four numbers a slot, the list, the second word, then the group's start
   * and end in `pairTerms` (each group in list order); list `noList`: empty.
   */
  readonly pairs: Int32Array
  readonly pairTerms: Int32Array
}

/** An index: its arrays, the alternatives they number, and the categories in use when built. */
export interface IndexData extends IndexArrays {
  readonly alternatives: readonly string[]
  readonly categories: readonly Category[]
}

/** Lists longer than this are grouped by second word (a look-up beats trying each phrase). */
export const groupAbove = 2

/** Numbers a slot of `slots`. */
export const slotSize = 4

/** The filter reads a hash's top 15 bits (the slots its bottom ones): 32,768 bits. */
const filterShift = 17
const filterWords = 2 ** (32 - filterShift) / 32

/** No term has this word. */
export const unknownWord = -1
/** No list (the word starts no term of that table). */
export const noList = -1
/** No term (a list without a one-word term; a term without an alternative). */
export const noTerm = -1

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

/** The slot of a (list, second word) pair. */
function pairHash(list: number, second: number): number {
  return Math.imul(Math.imul(list, fnvPrime) ^ second, 0x5bd1e995)
}

/** A term as the index gives it back: what a match reports. */
export interface IndexedTerm {
  readonly category: Category
  readonly alternative: string | undefined
  readonly quiet: boolean | undefined
}

/** The numbered words and terms of two phrase tables. */
export class WordIndex {
  readonly data: IndexData
  /** See {@link IndexArrays}; public for the word reader, which reads a found word's lists from its slot. */
  readonly slots: Int32Array
  private readonly mask: number
  private readonly filter: Int32Array
  private readonly starts: Int32Array
  private readonly pool: Uint16Array
  /** See {@link IndexArrays}; public for the match passes, which read them in their loops. */
  readonly listStarts: Int32Array
  readonly listTerms: Int32Array
  readonly listSingle: Int32Array
  readonly termStarts: Int32Array
  readonly termWords: Int32Array
  readonly pairs: Int32Array
  private readonly pairMask: number
  readonly pairTerms: Int32Array
  /** Each term's category, alternative and quiet flag, made once per term on first match. */
  private readonly terms: (IndexedTerm | undefined)[] = []

  /** An index over `data` (built by {@link indexTables}, or read from the build's file). */
  constructor(data: IndexData) {
    this.data = data
    this.slots = data.slots
    this.mask = data.slots.length / slotSize - 1
    this.filter = data.filter
    this.starts = data.starts
    this.pool = data.pool
    this.listStarts = data.listStarts
    this.listTerms = data.listTerms
    this.listSingle = data.listSingle
    this.termStarts = data.termStarts
    this.termWords = data.termWords
    this.pairs = data.pairs
    this.pairMask = data.pairs.length / 4 - 1
    this.pairTerms = data.pairTerms
  }

  /**
   * Where in `slots` the first `length` characters of `text`, folded (see
   * {@link foldCode}), whose hash is `hash`, sit (their hash, id and lists
   * on); `-1` when no term has that word.
   */
  findSlot(text: string, length: number, hash: number): number {
    const bit = hash >>> filterShift
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1
    const {slots, mask, starts, pool} = this
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * slotSize
      const id = slots[at + 1] as number
      if (id === unknownWord) return -1
      if (slots[at] !== hash) continue
      const start = starts[id] as number
      if ((starts[id + 1] as number) - start !== length) continue
      let index = 0
      while (index < length && foldCode(text.charCodeAt(index)) === pool[start + index]) index++
      if (index === length) return at
    }
  }

  /** The word `id` stands for. */
  word(id: number): string {
    return String.fromCharCode(...this.pool.subarray(this.starts[id], this.starts[id + 1]))
  }

  /**
   * Where the group of `list`'s phrases with second word `second` sits in
   * `pairs` (its start and end in `pairTerms` are at `+ 2` and `+ 3`); `-1`
   * when there is none. Only lists longer than `groupAbove` are grouped.
   */
  pairSlot(list: number, second: number): number {
    const {pairs, pairMask} = this
    for (let slot = pairHash(list, second) & pairMask; ; slot = (slot + 1) & pairMask) {
      const at = slot * 4
      const owner = pairs[at] as number
      if (owner === noList) return -1
      if (owner === list && pairs[at + 1] === second) return at
    }
  }

  /** What term `term` reports. */
  term(term: number): IndexedTerm {
    let found = this.terms[term]
    if (found === undefined) {
      const {data} = this
      const alternative = data.termAlternative[term] as number
      const quiet = data.termQuiet[term] as number
      found = {
        category: data.categories[data.termCategory[term] as number] as Category,
        alternative: alternative === noTerm ? undefined : data.alternatives[alternative],
        quiet: quiet === 0 ? undefined : quiet === 2,
      }
      this.terms[term] = found
    }
    return found
  }
}

/** The index of two phrase tables (curated, then package terms), numbering categories by `categories`. */
export function indexTables(
  curated: PhraseTable,
  packaged: PhraseTable,
  categories: readonly Category[],
): IndexData {
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
  const categoryIndex = new Map(categories.map((category, index) => [category, index]))
  const alternatives: string[] = []
  const alternativeIndex = new Map<string, number>()
  const listOf: [number, number][] = []
  const listStarts: number[] = [0]
  const listTerms: number[] = []
  const listSingle: number[] = []
  const termStarts: number[] = [0]
  const termWords: number[] = []
  const termCategory: number[] = []
  const termAlternative: number[] = []
  const termQuiet: number[] = []
  const groups: {list: number; second: number; terms: number[]}[] = []
  const addList = (
    first: string,
    list: NonNullable<ReturnType<PhraseTable['get']>>,
    table: 0 | 1,
  ) => {
    const number = listSingle.length
    const id = idOf(first)
    const slot = listOf[id] ?? [noList, noList]
    slot[table] = number
    listOf[id] = slot
    let single = noTerm
    const bySecond = new Map<number, number[]>()
    for (const term of list) {
      const number = termCategory.length
      const wordIds = term.words.map(idOf)
      termWords.push(...wordIds)
      termStarts.push(termWords.length)
      termCategory.push(categoryIndex.get(term.category) ?? 0)
      let alternative = noTerm
      if (term.alternative !== undefined) {
        alternative = alternativeIndex.get(term.alternative) ?? alternatives.length
        if (alternative === alternatives.length) {
          alternatives.push(term.alternative)
          alternativeIndex.set(term.alternative, alternative)
        }
      }
      termAlternative.push(alternative)
      termQuiet.push(term.quiet === undefined ? 0 : term.quiet ? 2 : 1)
      listTerms.push(number)
      // Longest first: the one-word term, when listed, is the last.
      if (wordIds.length === 1) single = number
      const second = wordIds[1]
      if (second !== undefined) {
        const group = bySecond.get(second)
        if (group) group.push(number)
        else bySecond.set(second, [number])
      }
    }
    listStarts.push(listTerms.length)
    listSingle.push(single)
    if (list.length > groupAbove)
      for (const [second, terms] of bySecond) groups.push({list: number, second, terms})
  }
  for (const [first, list] of curated) addList(first, list, 0)
  for (const [first, list] of packaged) addList(first, list, 1)

  let size = 16
  while (size < words.length * 2) size *= 2
  const slots = new Int32Array(size * slotSize).fill(unknownWord)
  const filter = new Int32Array(filterWords)
  const starts = new Int32Array(words.length + 1)
  const pool = new Uint16Array(words.reduce((sum, word) => sum + word.length, 0))
  let at = 0
  words.forEach((word, id) => {
    let hash = hashStart
    starts[id] = at
    for (let index = 0; index < word.length; index++) {
      const code = word.charCodeAt(index)
      pool[at++] = code
      hash = hashStep(hash, code)
    }
    const bit = hash >>> filterShift
    filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31))
    let slot = hash & (size - 1)
    while ((slots[slot * slotSize + 1] as number) !== unknownWord) slot = (slot + 1) & (size - 1)
    const [curated, packaged] = listOf[id] ?? [noList, noList]
    slots.set([hash, id, curated, packaged], slot * slotSize)
  })
  starts[words.length] = at

  let pairSize = 16
  while (pairSize < groups.length * 2) pairSize *= 2
  const pairs = new Int32Array(pairSize * 4).fill(noList)
  const pairTerms: number[] = []
  for (const group of groups) {
    let slot = pairHash(group.list, group.second) & (pairSize - 1)
    while ((pairs[slot * 4] as number) !== noList) slot = (slot + 1) & (pairSize - 1)
    pairs.set(
      [group.list, group.second, pairTerms.length, pairTerms.length + group.terms.length],
      slot * 4,
    )
    pairTerms.push(...group.terms)
  }

  return {
    slots,
    filter,
    starts,
    pool,
    listStarts: Int32Array.from(listStarts),
    listTerms: Int32Array.from(listTerms),
    listSingle: Int32Array.from(listSingle),
    termStarts: Int32Array.from(termStarts),
    termWords: Int32Array.from(termWords),
    termCategory: Uint8Array.from(termCategory),
    termAlternative: Int32Array.from(termAlternative),
    termQuiet: Uint8Array.from(termQuiet),
    pairs,
    pairTerms: Int32Array.from(pairTerms),
    alternatives,
    categories,
  }
}
