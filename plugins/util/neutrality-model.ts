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

/** Logit a signal adds to "loaded" (rounded to 0.001, as shown in the record). */
export function weightOf(signal: Pick<Signal, 'category' | 'quoted'>, model: Model): number {
  const base = model.weights[signal.category] ?? 0
  return round(signal.quoted ? base * model.quoteWeight : base)
}

/** Score 0–100 (100 = fully neutral) from the logit of "loaded". */
export function scoreFromLogit(logit: number): number {
  return round(100 / (1 + Math.exp(logit)))
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
