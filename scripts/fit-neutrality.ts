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
import {
  bestThreshold,
  dot,
  fitLogistic,
  macroF1,
  rocAuc,
  sigmoid,
} from '../plugins/util/neutrality-stats.js'

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
        ridge,
      )
      for (const [index, row] of rows.entries()) {
        if (half(index) === fold) scores[index] = dot(beta, [1, ...row])
      }
    }
    const auc = rocAuc(scores, labels)
    if (auc > best.auc) best = {quoteWeight, auc}
  }
  const rows = signals.map((list) => featureVector(list, best.quoteWeight))
  const beta = fitLogistic(rows, labels, ridge)
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
