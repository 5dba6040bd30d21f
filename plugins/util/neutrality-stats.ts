/**
 * Statistics for fitting and evaluating score-neutrality (used by
 * scripts/fit-neutrality.ts and scripts/eval-neutrality.ts): a ridge logistic
 * regression by Newton's method, macro-F1, ROC-AUC and the best threshold.
 */

/** Fit weights (logistic regression, Newton's method with an L2 penalty on the weights). */
export function fitLogistic(
  rows: readonly Float64Array[],
  labels: readonly number[],
  ridge: number,
): number[] {
  const size = (rows[0]?.length ?? 0) + 1
  const beta = new Array<number>(size).fill(0)
  for (let iteration = 0; iteration < 25; iteration++) {
    const gradient = new Array<number>(size).fill(0)
    const hessian = Array.from({length: size}, () => new Array<number>(size).fill(0))
    rows.forEach((row, index) => {
      const x = [1, ...row]
      const p = sigmoid(dot(beta, x))
      const error = p - (labels[index] as number)
      const curvature = Math.max(p * (1 - p), 1e-9)
      for (let i = 0; i < size; i++) {
        gradient[i] = (gradient[i] as number) + error * (x[i] as number)
        const line = hessian[i] as number[]
        for (let j = 0; j < size; j++)
          line[j] = (line[j] as number) + curvature * (x[i] as number) * (x[j] as number)
      }
    })
    for (let i = 1; i < size; i++) {
      gradient[i] = (gradient[i] as number) + ridge * (beta[i] as number)
      ;(hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + ridge
    }
    const step = solve(hessian, gradient)
    let largest = 0
    for (let i = 0; i < size; i++) {
      beta[i] = (beta[i] as number) - (step[i] as number)
      largest = Math.max(largest, Math.abs(step[i] as number))
    }
    if (largest < 1e-8) break
  }
  return beta
}

/** The score cut-off (score below it: loaded) with the best macro-F1 on these examples. */
export function bestThreshold(scores: readonly number[], labels: readonly number[]): number {
  const candidates = [...new Set(scores.map((score) => Math.round(score * 10) / 10))].sort(
    (a, b) => a - b,
  )
  let best = {threshold: 50, f1: -1}
  for (const candidate of candidates) {
    const f1 = macroF1(
      scores.map((score) => (score < candidate + 0.05 ? 1 : 0)),
      labels,
    )
    if (f1 > best.f1) best = {threshold: Math.round((candidate + 0.05) * 100) / 100, f1}
  }
  return best.threshold
}

/** Macro-averaged F1 of binary predictions (1: biased). */
export function macroF1(predicted: readonly number[], labels: readonly number[]): number {
  let f1 = 0
  for (const positive of [0, 1]) {
    let tp = 0
    let fp = 0
    let fn = 0
    predicted.forEach((value, index) => {
      const label = labels[index]
      if (value === positive && label === positive) tp++
      else if (value === positive) fp++
      else if (label === positive) fn++
    })
    f1 += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  }
  return f1 / 2
}

/** ROC-AUC of `scores` (higher: more likely biased), ties counted half (Mann–Whitney). */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((score, index) => ({score, label: labels[index] as number}))
  order.sort((a, b) => a.score - b.score)
  let rankSum = 0
  let positives = 0
  for (let start = 0; start < order.length; ) {
    let end = start
    while (
      end < order.length &&
      (order[end] as {score: number}).score === (order[start] as {score: number}).score
    )
      end++
    const rank = (start + 1 + end) / 2
    for (let index = start; index < end; index++) {
      if ((order[index] as {label: number}).label === 1) {
        rankSum += rank
        positives++
      }
    }
    start = end
  }
  const negatives = order.length - positives
  if (positives === 0 || negatives === 0) return 0.5
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** The logistic function. */
export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value))
}

/** Dot product of two vectors of the same length. */
export function dot(a: readonly number[], b: ArrayLike<number>): number {
  let sum = 0
  for (let index = 0; index < a.length; index++) sum += (a[index] as number) * (b[index] as number)
  return sum
}

/** Solve `matrix · x = vector` by Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length
  const a = matrix.map((line, index) => [...line, vector[index] as number])
  for (let column = 0; column < size; column++) {
    let pivot = column
    for (let row = column + 1; row < size; row++) {
      if (
        Math.abs((a[row] as number[])[column] as number) >
        Math.abs((a[pivot] as number[])[column] as number)
      )
        pivot = row
    }
    ;[a[column], a[pivot]] = [a[pivot] as number[], a[column] as number[]]
    const head = a[column] as number[]
    const lead = head[column] as number
    for (let row = column + 1; row < size; row++) {
      const line = a[row] as number[]
      const factor = (line[column] as number) / lead
      for (let k = column; k <= size; k++)
        line[k] = (line[k] as number) - factor * (head[k] as number)
    }
  }
  const x = new Array<number>(size).fill(0)
  for (let row = size - 1; row >= 0; row--) {
    const line = a[row] as number[]
    let sum = line[size] as number
    for (let k = row + 1; k < size; k++) sum -= (line[k] as number) * (x[k] as number)
    x[row] = sum / (line[row] as number)
  }
  return x
}
