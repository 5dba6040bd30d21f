/**
 * The `file.data` keys that copydesk plugins write, registered once so every
 * reader and writer agrees on their shape.
 */
import type {NeutralityReport} from './neutrality-types.js'
import type {DocumentReadability, SentenceReport} from './readability-types.js'

/** One span removed from the input text (offsets into the original text). */
export interface Removal {
  /** Rule that removed the span. */
  ruleId: string
  /** Plugin that removed the span. */
  source: string
  /** Start offset in the original text (inclusive). */
  start: number
  /** End offset in the original text (exclusive). */
  end: number
  /** The removed text, exactly as it stood in the original. */
  text: string
  /** How sure the rule is, from 0 to 1. */
  confidence: number
}

/** One normalisation: a span replaced by other text. */
export interface Change {
  ruleId: string
  source: string
  start: number
  end: number
  /** Text as it stood in the original. */
  before: string
  /** Text it was replaced with. */
  after: string
}

declare module 'vfile' {
  interface DataMap {
    /** Spans removed by cleaners, in the order they were removed. */
    removed: Removal[]
    /** Spans replaced by normalisers. */
    changes: Change[]
    /** When true, cleaners report what they would do and change nothing. */
    dryRun: boolean
    /** Document-level readability scores (`score-readability`). */
    readability: DocumentReadability
    /** Per-sentence explanations (offsets into the cleaned text). */
    sentences: SentenceReport[]
    /** Neutrality score, verdict and signals, per document and per sentence (`score-neutrality`). */
    neutrality: NeutralityReport
  }
}
