/**
 * Long-lived memos and per-tree caches must not keep documents alive after
 * they are cleaned: across a batch of millions of records, one document kept
 * per rare long word, or every tree kept until a full collection, was most of
 * a worker's memory. Each case cleans or reads fresh documents of 256 KB and
 * checks, after a full collection, that the heap did not keep them.
 */
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {syllable} from 'syllable'
import {describe, expect, it} from 'vitest'
import {parseNewsText} from '../plugins/parse-news.js'
import {wordTable} from '../plugins/util/readability-words.js'
import {countSyllables} from '../plugins/util/syllables.js'
import {forgetView, viewOf} from '../plugins/util/text-view.js'
import {unshared} from '../plugins/util/unshared.js'

setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

function heapUsed(): number {
  collect()
  collect()
  return process.memoryUsage().heapUsed
}

const documentSize = 256 * 1024
const documents = 40

/** A fresh document of about 256 KB of plain words, with one long rare word in it. */
function documentWith(index: number): {text: string; word: string} {
  const word = `Counterrevolutionization${index}x`
  const filler = 'The council met on Tuesday and voted on the budget. '
  const text = `${filler.repeat(Math.ceil(documentSize / filler.length / 2))}${word} ${filler.repeat(
    Math.ceil(documentSize / filler.length / 2),
  )}`
  return {text, word}
}

/** Heap kept after `keep` has seen the long word sliced out of each of `documents` fresh documents. */
function heapKept(keep: (word: string) => void): number {
  const before = heapUsed()
  for (let index = 0; index < documents; index++) {
    const {text, word} = documentWith(index)
    const at = text.indexOf(word)
    keep(text.slice(at, at + word.length))
  }
  return heapUsed() - before
}

// Keeping the documents would keep 40 × 256 KB = 10 MB; the words are 1 KB.
const allowed = 2 * 1024 * 1024

describe('memos keep words, not the documents they were cut from', () => {
  it('a copy holds the same characters', () => {
    const text = 'Counterrevolutionization and more'
    expect(unshared(text.slice(0, 24))).toBe('Counterrevolutionization')
    expect(unshared('tax')).toBe('tax')
  })

  it('shows the leak it guards against: a plain memo of slices keeps them', () => {
    const kept: string[] = []
    expect(heapKept((word) => kept.push(word))).toBeGreaterThan(documents * documentSize * 0.8)
    expect(kept).toHaveLength(documents)
  })

  it('countSyllables', () => {
    expect(heapKept((word) => countSyllables(word))).toBeLessThan(allowed)
  })

  it('the readability word table, and the `syllable` memo retext-readability reads', () => {
    expect(heapKept((word) => wordTable.slot(word))).toBeLessThan(allowed)
    expect(heapKept((word) => syllable(word))).toBeLessThan(allowed)
  })
})

describe('the shared text view', () => {
  it('lives on its tree, invisible to JSON and key listings, and goes with it', () => {
    const tree = parseNewsText('The council met. It voted.')
    const keys = Object.keys(tree)
    const json = JSON.stringify(tree)
    const view = viewOf(tree)
    expect(viewOf(tree)).toBe(view)
    // On the tree, not in a module-level WeakMap: V8's young-generation
    // collector keeps WeakMap values alive, and a view holds its tree, so every
    // tree was promoted to the old generation and freed only by a full collection.
    const own = Object.getOwnPropertySymbols(tree).map(
      (key) => (tree as unknown as Record<symbol, unknown>)[key],
    )
    expect(own).toContain(view)
    expect(Object.keys(tree)).toEqual(keys)
    expect(JSON.stringify(tree)).toBe(json)
    forgetView(tree)
    expect(viewOf(tree)).not.toBe(view)
  })
})
