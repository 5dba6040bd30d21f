/**
 * `node dist/scripts/fit-neutrality.js [--write]`: fits the constants of
 * score-neutrality (plugins/data/neutrality-weights.json) on BABE's dev half.
 *
 * How: the analyser's own signal finder turns each sentence into counts per
 * category; a logistic regression (Newton's method, L2 penalty `ridge`) fits
 * one weight per category; `quoteWeight` is picked from a small grid and the
 * verdict threshold maximises macro-F1, both on the training data only. The
 * figures printed are 5-fold cross-validation: each fold is scored by a model
 * fitted on the other four. `--write` then fits on all of dev and writes the
 * JSON. Reads only `text` and `label` of each line.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {defaultLexicon, documentSignals} from '../plugins/util/neutrality-document.js'
import {type Category, categories} from '../plugins/util/neutrality-lexicon.js'
import {featureVector, type Model} from '../plugins/util/neutrality-model.js'
import type {Signal} from '../plugins/util/neutrality-signals.js'

/** One labelled sentence of a dev set. */
export interface Example {
  readonly id: string
  readonly text: string
  /** 1: biased, 0: neutral. */
  readonly label: number
  readonly pairId?: string | undefined
}

/** Read a dev set: text and label only (the scorer never sees the other fields). */
export function readExamples(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as {id: string; text: string; label: string; pair_id?: string}
      return {
        id: row.id,
        text: row.text,
        label: row.label === 'biased' ? 1 : 0,
        pairId: row.pair_id,
      }
    })
}

const parser = retext()

/** The signals of each example, found by the analyser's own code. */
export function signalsOf(examples: readonly Example[]): Signal[][] {
  const lexicon = defaultLexicon()
  return examples.map((example) =>
    documentSignals(parser.parse(example.text) as Root, lexicon, example.text).flatMap(
      (sentence) => sentence.signals,
    ),
  )
}

const ridge = 1
const quoteGrid = [0, 0.25, 0.5, 0.75, 1]

/** Fit weights (logistic regression, Newton's method with an L2 penalty on the weights). */
export function fitLogistic(rows: readonly Float64Array[], labels: readonly number[]): number[] {
  const size = categories.length + 1
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

/** Fit a whole model on training examples: quote weight by inner 2-fold check, then weights and threshold. */
export function fitModel(signals: readonly Signal[][], labels: readonly number[]): Model {
  let best = {quoteWeight: 1, auc: -1}
  for (const quoteWeight of quoteGrid) {
    const rows = signals.map((list) => featureVector(list, quoteWeight))
    const half = (index: number) => index % 2
    const scores: number[] = new Array(rows.length).fill(0)
    for (const fold of [0, 1]) {
      const train = rows.flatMap((_, index) => (half(index) !== fold ? [index] : []))
      const beta = fitLogistic(
        train.map((index) => rows[index] as Float64Array),
        train.map((index) => labels[index] as number),
      )
      for (const [index, row] of rows.entries()) {
        if (half(index) === fold) scores[index] = dot(beta, [1, ...row])
      }
    }
    const auc = rocAuc(scores, labels)
    if (auc > best.auc) best = {quoteWeight, auc}
  }
  const rows = signals.map((list) => featureVector(list, best.quoteWeight))
  const beta = fitLogistic(rows, labels)
  const weights: Partial<Record<Category, number>> = {}
  categories.forEach((category, index) => {
    weights[category] = Math.round((beta[index + 1] as number) * 1000) / 1000
  })
  const scores = rows.map((row) => 100 * (1 - sigmoid(dot(beta, [1, ...row]))))
  return {
    bias: Math.round((beta[0] as number) * 1000) / 1000,
    weights,
    quoteWeight: best.quoteWeight,
    threshold: bestThreshold(scores, labels),
  }
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

/** Deterministic fold of an example (a hash of its id), 0 to `folds - 1`. */
export function foldOf(id: string, folds: number): number {
  let hash = 2166136261
  for (let index = 0; index < id.length; index++) {
    hash = Math.imul(hash ^ id.charCodeAt(index), 16777619) >>> 0
  }
  return hash % folds
}

/** Cross-validated figures: every example is scored by a model that never saw it. */
export function crossValidate(
  examples: readonly Example[],
  signals: readonly Signal[][],
  folds = 5,
): {macroF1: number; auc: number; scores: number[]; models: Model[]} {
  const labels = examples.map((example) => example.label)
  const scores = new Array<number>(examples.length).fill(0)
  const verdicts = new Array<number>(examples.length).fill(0)
  const models: Model[] = []
  for (let fold = 0; fold < folds; fold++) {
    const inFold = examples.map((example) => foldOf(example.id, folds) === fold)
    const train = examples.flatMap((_, index) => (inFold[index] ? [] : [index]))
    const model = fitModel(
      train.map((index) => signals[index] as Signal[]),
      train.map((index) => labels[index] as number),
    )
    models.push(model)
    examples.forEach((_, index) => {
      if (!inFold[index]) return
      const score = scoreWith(model, signals[index] as Signal[])
      scores[index] = score
      verdicts[index] = score < model.threshold ? 1 : 0
    })
  }
  return {
    macroF1: macroF1(verdicts, labels),
    auc: rocAuc(
      scores.map((score) => -score),
      labels,
    ),
    scores,
    models,
  }
}

/** Score 0–100 of one example's signals under a model (the plugin's formula). */
export function scoreWith(model: Model, signals: readonly Signal[]): number {
  const row = featureVector(signals, model.quoteWeight)
  let logit = model.bias
  categories.forEach((category, index) => {
    logit += (model.weights[category] ?? 0) * (row[index] as number)
  })
  return 100 * (1 - sigmoid(logit))
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value))
}

function dot(a: readonly number[], b: ArrayLike<number>): number {
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

async function main(): Promise<void> {
  const shared = fileURLToPath(new URL('../../../shared/benchmarks/neutrality/', import.meta.url))
  const examples = readExamples(`${shared}babe-dev.jsonl`)
  const signals = signalsOf(examples)
  const cv = crossValidate(examples, signals)
  console.log(`BABE dev, 5-fold CV: macro-F1 ${cv.macroF1.toFixed(3)}, AUC ${cv.auc.toFixed(3)}`)
  const model = fitModel(
    signals,
    examples.map((example) => example.label),
  )
  console.log(JSON.stringify(model, null, 2))
  if (process.argv.includes('--write')) {
    const path = fileURLToPath(
      new URL('../../plugins/data/neutrality-weights.json', import.meta.url),
    )
    const current = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    const note = `Fitted on all ${examples.length} BABE dev sentences by scripts/fit-neutrality.ts (logistic regression, Newton's method, L2 penalty ${ridge} on weights; quoteWeight from {${quoteGrid.join(', ')}} by 2-fold AUC; threshold maximises macro-F1). 5-fold CV on dev: macro-F1 ${cv.macroF1.toFixed(3)}, AUC ${cv.auc.toFixed(3)}.`
    writeFileSync(path, `${JSON.stringify({...current, note, ...model}, null, 2)}\n`)
    console.log(`wrote ${path}`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
