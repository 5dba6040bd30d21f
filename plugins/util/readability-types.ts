/** Document readability scores, as written to the JSONL record. */
export interface DocumentReadability {
  fleschReadingEase: number | null
  fleschKincaidGrade: number | null
  gunningFog: number | null
  smog: number | null
  colemanLiau: number | null
  automatedReadability: number | null
  daleChall: number | null
  spache: number | null
  /** Consensus grade: the median of the grade-level formulas. */
  grade: number | null
  words: number
  sentences: number
  syllables: number
  /** Words of three or more syllables (Gunning's "complex words"). */
  complexWords: number
  /** Words of seven or more characters (used by some formulas). */
  longWords: number
  characters: number
  /** False when the text is too short for the formulas to mean much. */
  reliable: boolean
}

/** One sentence, with why it reads hard (offsets into the cleaned text). */
export interface SentenceReport {
  start: number
  end: number
  text: string
  words: number
  grade: number | null
  hard: boolean
  why: string[]
}
