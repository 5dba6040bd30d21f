/**
 * The scoring model of score-neutrality: a logistic model over signal counts.
 * Every signal adds its category's weight (scaled down inside quotations) to
 * the logit of "loaded", so the score can be traced back to its spans.
 */
import fitted from '../data/neutrality-weights.json' with {type: 'json'}
import {type Category, categories} from './neutrality-lexicon.js'
import type {Signal} from './neutrality-signals.js'

/** The constants of the model. */
export interface Model {
  /** Logit of "loaded" for a sentence with no signal. */
  readonly bias: number
  /** Logit added by one signal of each category. */
  readonly weights: Readonly<Partial<Record<Category, number>>>
  /** Factor for signals inside direct quotations (0: ignore them, 1: count them fully). */
  readonly quoteWeight: number
  /** Scores below this (0–100) are `loaded`. */
  readonly threshold: number
}

/** The shipped model, fitted by `scripts/fit-neutrality.ts`. */
export const shippedModel: Model = fitted

/** A signal with the logit it adds. */
export interface WeightedSignal extends Signal {
  /** Logit added to "loaded" (negative: evidence of neutral writing). */
  readonly weight: number
}

/** Counts per category, quoted signals scaled by `quoteWeight`: the model's input. */
export function featureVector(signals: readonly Signal[], quoteWeight: number): Float64Array {
  const vector = new Float64Array(categories.length)
  for (const signal of signals) {
    const index = categoryIndex.get(signal.category) as number
    vector[index] = (vector[index] as number) + (signal.quoted ? quoteWeight : 1)
  }
  return vector
}

const categoryIndex = new Map<Category, number>(
  categories.map((category, index) => [category, index]),
)

/** Each signal with its weight; signals of weight 0 are dropped. */
export function weigh(signals: readonly Signal[], model: Model): WeightedSignal[] {
  const weighted: WeightedSignal[] = []
  for (const signal of signals) {
    const base = model.weights[signal.category] ?? 0
    const weight = signal.quoted ? base * model.quoteWeight : base
    if (weight !== 0) weighted.push({...signal, weight: round(weight)})
  }
  return weighted
}

/** Score 0–100 (100 = fully neutral) of a sentence from its weighted signals. */
export function scoreOf(signals: readonly WeightedSignal[], model: Model): number {
  let logit = model.bias
  for (const signal of signals) logit += signal.weight
  return round(100 / (1 + Math.exp(logit)))
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
