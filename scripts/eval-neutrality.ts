/**
 * `npm run eval neutrality`: score-neutrality on the dev sets in
 * `../shared/benchmarks/neutrality/` (each sentence one document; the scorer
 * reads `text` only).
 * - BABE: macro-F1 of `verdict` and ROC-AUC of `score`, in 5-fold
 *   cross-validation (refitted per fold by scripts/fit-neutrality.ts) and for
 *   the shipped weights (fitted on all of dev, so in-sample).
 * - WNC: pairwise accuracy, the biased sentence of a pair must score lower.
 * - Hube: macro-F1 and AUC of the shipped model (never fitted on Hube).
 */
import {retext} from 'retext'
import scoreNeutrality from '../plugins/score-neutrality.js'
import {macroF1, rocAuc} from '../plugins/util/neutrality-stats.js'
import {crossValidate, type Example, readExamples, signalsOf} from './fit-neutrality.js'

/** Every figure the evaluation prints. */
export interface NeutralityFigures {
  babeCvMacroF1: number
  babeCvAuc: number
  babeShippedMacroF1: number
  babeShippedAuc: number
  wncPairwise: number
  wncPairs: number
  hubeMacroF1: number
  hubeAuc: number
}

const processor = retext().use(scoreNeutrality).freeze()

/** Score and verdict of each example under the shipped plugin. */
export function scoreExamples(examples: readonly Example[]): {
  scores: number[]
  verdicts: number[]
} {
  const scores: number[] = []
  const verdicts: number[] = []
  for (const example of examples) {
    const file = processor.processSync(example.text)
    const neutrality = file.data.neutrality
    scores.push(neutrality?.score ?? 100)
    verdicts.push(neutrality?.verdict === 'loaded' ? 1 : 0)
  }
  return {scores, verdicts}
}

/** Share of pairs whose biased sentence scores lower than its neutral one (ties: half). */
export function pairwiseAccuracy(
  examples: readonly Example[],
  scores: readonly number[],
): {accuracy: number; pairs: number} {
  const pairs = new Map<string, {biased?: number; neutral?: number}>()
  examples.forEach((example, index) => {
    if (example.pairId === undefined) return
    const pair = pairs.get(example.pairId) ?? {}
    if (example.label === 1) pair.biased = scores[index] as number
    else pair.neutral = scores[index] as number
    pairs.set(example.pairId, pair)
  })
  let total = 0
  let right = 0
  for (const pair of pairs.values()) {
    if (pair.biased === undefined || pair.neutral === undefined) continue
    total++
    right += pair.biased < pair.neutral ? 1 : pair.biased === pair.neutral ? 0.5 : 0
  }
  return {accuracy: total === 0 ? 0 : right / total, pairs: total}
}

/** All figures, from the dev sets under `shared`. */
export function measure(shared: string): NeutralityFigures {
  const folder = `${shared}benchmarks/neutrality/`
  const babe = readExamples(`${folder}babe-dev.jsonl`)
  const cv = crossValidate(babe, signalsOf(babe))
  const labels = (examples: readonly Example[]) => examples.map((example) => example.label)
  const shipped = scoreExamples(babe)
  const wnc = readExamples(`${folder}wnc-dev.jsonl`)
  const pairwise = pairwiseAccuracy(wnc, scoreExamples(wnc).scores)
  const hube = readExamples(`${folder}hube-dev.jsonl`)
  const hubeScores = scoreExamples(hube)
  const loadedness = (scores: readonly number[]) => scores.map((score) => -score)
  return {
    babeCvMacroF1: cv.macroF1,
    babeCvAuc: cv.auc,
    babeShippedMacroF1: macroF1(shipped.verdicts, labels(babe)),
    babeShippedAuc: rocAuc(loadedness(shipped.scores), labels(babe)),
    wncPairwise: pairwise.accuracy,
    wncPairs: pairwise.pairs,
    hubeMacroF1: macroF1(hubeScores.verdicts, labels(hube)),
    hubeAuc: rocAuc(loadedness(hubeScores.scores), labels(hube)),
  }
}

/** Print the figures (see `scripts/eval.ts`). */
export async function run(shared: string): Promise<void> {
  const figures = measure(shared)
  const f = (value: number) => value.toFixed(3)
  console.log('| set | figure | value | target |')
  console.log('| --- | --- | --- | --- |')
  console.log(
    `| BABE dev, 5-fold CV | macro-F1 of verdict | ${f(figures.babeCvMacroF1)} | ≥ 0.72 |`,
  )
  console.log(`| BABE dev, 5-fold CV | ROC-AUC of score | ${f(figures.babeCvAuc)} | ≥ 0.78 |`)
  console.log(
    `| BABE dev, shipped weights (in-sample) | macro-F1 | ${f(figures.babeShippedMacroF1)} | |`,
  )
  console.log(
    `| BABE dev, shipped weights (in-sample) | ROC-AUC | ${f(figures.babeShippedAuc)} | |`,
  )
  console.log(
    `| WNC dev (${figures.wncPairs} pairs) | pairwise accuracy | ${f(figures.wncPairwise)} | |`,
  )
  console.log(`| Hube dev (out of domain) | macro-F1 of verdict | ${f(figures.hubeMacroF1)} | |`)
  console.log(`| Hube dev (out of domain) | ROC-AUC of score | ${f(figures.hubeAuc)} | |`)
}
