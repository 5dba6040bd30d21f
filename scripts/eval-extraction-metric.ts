/**
 * The Zyte article-extraction benchmark's metric, as its documentation
 * describes it: tokens are maximal runs of Unicode letters, digits and `_`;
 * shingles are token 4-grams counted as a multiset (a text of one to three
 * tokens is one shingle); per page, precision and recall of the multiset
 * overlap; precision averaged over pages with a prediction, recall over pages
 * with a truth; F1 of the two means.
 */

const token = /[\p{L}\p{N}_]+/gu

/** Token 4-gram shingles of `text`, with their counts. */
export function shingles(text: string, size = 4): Map<string, number> {
  const tokens = text.match(token) ?? []
  const counts = new Map<string, number>()
  const last = Math.max(1, tokens.length - size + 1)
  for (let index = 0; index < last && tokens.length > 0; index++) {
    const shingle = tokens.slice(index, index + size).join(' ')
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1)
  }
  return counts
}

/** Multiset overlap of predicted and true shingles of one page. */
export interface PageScore {
  truePositives: number
  predicted: number
  expected: number
}

/** Score one page. */
export function scorePage(prediction: string, truth: string): PageScore {
  const predicted = shingles(prediction)
  const expected = shingles(truth)
  let truePositives = 0
  let predictedCount = 0
  let expectedCount = 0
  for (const count of predicted.values()) predictedCount += count
  for (const [shingle, count] of expected) {
    expectedCount += count
    truePositives += Math.min(count, predicted.get(shingle) ?? 0)
  }
  return {truePositives, predicted: predictedCount, expected: expectedCount}
}

/** Precision and recall averaged over pages, and F1 of the means. */
export interface Figures {
  precision: number
  recall: number
  f1: number
}

/** Combine page scores the benchmark's way. */
export function combine(pages: readonly PageScore[]): Figures {
  let precisionSum = 0
  let precisionPages = 0
  let recallSum = 0
  let recallPages = 0
  for (const page of pages) {
    if (page.predicted > 0) {
      precisionSum += page.truePositives / page.predicted
      precisionPages++
    }
    if (page.expected > 0) {
      recallSum += page.truePositives / page.expected
      recallPages++
    }
  }
  const precision = precisionPages === 0 ? 0 : precisionSum / precisionPages
  const recall = recallPages === 0 ? 0 : recallSum / recallPages
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {precision, recall, f1}
}
