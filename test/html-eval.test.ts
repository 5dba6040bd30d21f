/**
 * Floors for the HTML reader on the dev data in ../shared (skipped when it is
 * absent): the Zyte benchmark's dev pages (F1 of token 4-gram shingles) and
 * Mozilla Readability's test pages as a robustness suite. The figures come
 * from `npm run eval extraction`; lowering a floor needs a CHANGELOG entry.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {evaluateRobustness, evaluateZyte, loadZytePages} from '../scripts/eval-extraction.js'
import {combine, scorePage, shingles} from '../scripts/eval-extraction-metric.js'

const shared = fileURLToPath(new URL('../../shared/', import.meta.url))
const zyte = `${shared}benchmarks/extraction/zyte-dev/ground-truth.json`
const readability = `${shared}benchmarks/extraction/readability-pages`

/** Measured F1 0.980, precision 0.972, recall 0.989 on the 102 dev pages. */
const floors = {f1: 0.975, precision: 0.965, recall: 0.98}

describe('extraction metric', () => {
  it('counts token 4-grams as a multiset', () => {
    const counts = shingles('the cat sat on the cat sat on')
    expect(counts.get('the cat sat on')).toBe(2)
    expect(counts.get('cat sat on the')).toBe(1)
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(5)
    expect([...shingles('Just two').keys()]).toEqual(['Just two'])
    expect(shingles('').size).toBe(0)
  })

  it('scores precision and recall per page, then F1 of the means', () => {
    const truth = 'one two three four five six'
    const half = scorePage('one two three four five six seven eight nine', truth)
    expect(half).toEqual({truePositives: 3, predicted: 6, expected: 3})
    const figures = combine([half, scorePage('', truth)])
    expect(figures.precision).toBeCloseTo(0.5) // the empty prediction does not count
    expect(figures.recall).toBeCloseTo(0.5) // but its missed truth does
    expect(figures.f1).toBeCloseTo(0.5)
  })
})

describe('extraction on ../shared', () => {
  it.skipIf(!existsSync(zyte))('Zyte dev pages stay above the floors', () => {
    const figures = evaluateZyte(loadZytePages(shared), 1)
    expect(figures.pages).toBe(102)
    expect(figures.f1).toBeGreaterThanOrEqual(floors.f1)
    expect(figures.precision).toBeGreaterThanOrEqual(floors.precision)
    expect(figures.recall).toBeGreaterThanOrEqual(floors.recall)
  })

  it.skipIf(!existsSync(readability))(
    'Readability test pages: no crash, no code, no empty article',
    () => {
      const figures = evaluateRobustness(shared, false)
      expect(figures.pages).toBe(130)
      expect(figures.crashes).toEqual([])
      expect(figures.scriptLeaks).toEqual([])
      expect(figures.empty).toEqual([])
      expect(figures.langAgreement).toBeGreaterThanOrEqual(0.95)
      expect(figures.titleAgreement).toBeGreaterThanOrEqual(0.85)
    },
  )
})
