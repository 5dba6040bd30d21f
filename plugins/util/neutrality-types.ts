/** The shapes score-neutrality writes to `file.data.neutrality` and the record. */
import type {Category} from './neutrality-lexicon.js'

/** One signal as JSON: what was found, where, and how much it weighs. */
export interface NeutralitySignal {
  category: Category
  /** Lint rule of the signal's messages, e.g. `loaded-word`. */
  ruleId: string
  /** The text found, as written. */
  text: string
  /** Start offset in the input text. */
  start: number
  /** End offset in the input text. */
  end: number
  /** Logit added to "loaded" (negative: evidence of neutral writing). */
  weight: number
  /** Inside a direct quotation: attributed speech, weighed by the quote factor. */
  quoted: boolean
  /** Neutral replacement, when one exists (`''`: drop it). */
  alternative?: string
}

/** One sentence's score and signals. */
export interface SentenceNeutrality {
  /** Start offset in the cleaned text. */
  start: number
  /** End offset in the cleaned text. */
  end: number
  /** 0–100, 100 = fully neutral. */
  score: number
  signals: NeutralitySignal[]
}

/** Neutral or loaded. */
export type Verdict = 'neutral' | 'loaded'

/** The document's score: the word-weighted mean of its sentences' scores. */
export interface DocumentNeutrality {
  /** 0–100, 100 = fully neutral. */
  score: number
  verdict: Verdict
  /** Every signal of the document, in order. */
  signals: NeutralitySignal[]
}

/** What score-neutrality writes to `file.data.neutrality`. */
export interface NeutralityReport extends DocumentNeutrality {
  sentences: SentenceNeutrality[]
}
