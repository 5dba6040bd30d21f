import {describe, expect, it} from 'vitest'
import {bestThreshold, fitLogistic, macroF1, rocAuc} from '../plugins/util/neutrality-stats.js'

describe('neutrality statistics', () => {
  it('computes macro-F1 as the mean of both classes’ F1', () => {
    // Loaded class: 1 true positive, 1 false positive → 2/3; neutral: 2 right, 1 missed → 4/5.
    expect(macroF1([1, 0, 1, 0], [1, 0, 0, 0])).toBeCloseTo((2 / 3 + 4 / 5) / 2, 10)
    expect(macroF1([0, 0], [1, 1])).toBe(0)
  })

  it('computes ROC-AUC by ranks, ties counted half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75)
    expect(rocAuc([1, 1], [0, 1])).toBe(0.5)
    expect(rocAuc([1, 2], [1, 1])).toBe(0.5)
  })

  it('fits a positive weight to a count that goes with the label', () => {
    const rows = [0, 0, 0, 1, 1, 2, 2, 3].map((count) => Float64Array.from([count, 1]))
    const labels = [0, 0, 1, 0, 1, 1, 1, 1]
    const [bias, weight] = fitLogistic(rows, labels, 1)
    expect(weight).toBeGreaterThan(0.5)
    expect(bias).toBeLessThan(0)
  })

  it('puts the threshold where it separates the classes best', () => {
    // Loaded sentences score low; a cut just above 30 splits them perfectly.
    expect(bestThreshold([10, 20, 30, 70, 80, 90], [1, 1, 1, 0, 0, 0])).toBeCloseTo(30.05, 5)
  })
})
