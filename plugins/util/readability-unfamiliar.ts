import type {Root, Sentence} from 'nlcst'
import type {SentenceCounts} from './readability-sentence.js'
import {textOf} from './readability-text.js'
import {factAt, factStride, openingShift, wordFlag, wordTable} from './readability-words.js'

/**
 * Spache's count of a document's unfamiliar words, each different word once
 * (Spache 1953), taken from its sentences' counts. Each sentence gives the
 * numbers of its unfamiliar words' lower-case forms in the word table, and
 * the tally marks them with a mark of its own, so no word is hashed or read
 * again. The numbers hold within one generation of the table; when the
 * counts span two (the table was emptied meanwhile, after tens of thousands
 * of different words), the document is read again word by word as strings.
 */
export class UnfamiliarTally {
  readonly #mark = wordTable.documentMarks.next()
  #count = 0
  #oldest = Number.POSITIVE_INFINITY

  /** Count the unfamiliar words of one sentence not met before. */
  add(counted: Readonly<SentenceCounts>): void {
    if (counted.generation < this.#oldest) this.#oldest = counted.generation
    for (const key of counted.unfamiliar)
      if (wordTable.documentMarks.mark(key, this.#mark)) this.#count++
  }

  /** The different unfamiliar words of the sentences added, which are those of `tree`. */
  total(tree: Root): number {
    if (this.#oldest === Number.POSITIVE_INFINITY || this.#oldest === wordTable.generation) {
      return this.#count
    }
    const keys = new Set<string>()
    const visit = (node: Root | Root['children'][number]): void => {
      if (node.type === 'SentenceNode') addUnfamiliarKeys(node, keys)
      else if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(tree)
    return keys.size
  }
}

/**
 * Add the lower-case forms of the Spache-unfamiliar words of `sentence` to
 * `into`, read as `countSentence` reads them (the first counted word opens
 * the sentence), as strings.
 */
export function addUnfamiliarKeys(sentence: Sentence, into: Set<string>): void {
  const table = wordTable
  const facts = table.facts
  let opening = true
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    // Read as countSentence reads a word: its flags and key number, no object.
    const at = table.slot(textOf(child)) * factStride
    const bits = facts[at + factAt.flags] ?? 0
    const flags = opening ? bits >> openingShift : bits
    if ((flags & wordFlag.countable) === 0) continue
    opening = false
    if (flags & wordFlag.unfamiliar) into.add(table.keyOf(facts[at + factAt.key] ?? 0))
  }
}
