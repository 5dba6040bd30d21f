/**
 * Document readability scores, as written to the JSONL record. Each score uses
 * its published constants:
 */
export interface DocumentReadability {
  /** Flesch Reading Ease: 206.835 − 1.015 × words/sentences − 84.6 × syllables/words (Flesch 1948, "A New Readability Yardstick", J. Appl. Psych. 32). */
  fleschReadingEase: number | null
  /** Flesch–Kincaid grade: 0.39 × words/sentences + 11.8 × syllables/words − 15.59 (Kincaid et al. 1975, Naval Technical Training Command report 8-75). */
  fleschKincaidGrade: number | null
  /** Gunning Fog: 0.4 × (words/sentences + 100 × complex words/words) (Gunning 1952, The Technique of Clear Writing). */
  gunningFog: number | null
  /** SMOG: 1.0430 × √(polysyllables × 30/sentences) + 3.1291 (McLaughlin 1969, "SMOG Grading", J. of Reading 12(8)). */
  smog: number | null
  /** Coleman–Liau: 0.0588 × letters per 100 words − 0.296 × sentences per 100 words − 15.8 (Coleman & Liau 1975, J. Appl. Psych. 60(2)). */
  colemanLiau: number | null
  /** Automated Readability Index: 4.71 × characters/words + 0.5 × words/sentences − 21.43 (Senter & Smith 1967, AMRL-TR-66-220). */
  automatedReadability: number | null
  /** New Dale–Chall score: 0.1579 × % difficult words + 0.0496 × words/sentences, + 3.6365 above 5 % difficult words (Dale & Chall 1948; list of Chall & Dale 1995). */
  daleChall: number | null
  /** Revised Spache grade: 0.121 × words/sentences + 0.082 × % unfamiliar words + 0.659 (Spache 1953, revised 1974). */
  spache: number | null
  /** Consensus grade: the median of Flesch–Kincaid, Fog, SMOG, Coleman–Liau, ARI and the Dale–Chall grade. */
  grade: number | null
  words: number
  sentences: number
  syllables: number
  /** Gunning's hard words: three or more syllables, not names, compounds or -es/-ed/-ing forms. */
  complexWords: number
  /** Words of seven or more letters. */
  longWords: number
  /** Letters and digits in words (the Automated Readability Index's characters). */
  characters: number
  /** Words of three or more syllables, every one (SMOG). */
  polysyllables?: number
  /** Words not familiar by the New Dale–Chall list (each occurrence). */
  difficultWords?: number
  /** Different words not familiar by the Spache list. */
  unfamiliarWords?: number
  /** Letters in words (Coleman–Liau). */
  letters?: number
  /** False under 100 words or 3 sentences: the formulas were made for longer samples. */
  reliable: boolean
}

/** One sentence, with why it reads hard (offsets into the cleaned text). */
export interface SentenceReport {
  start: number
  end: number
  text: string
  words: number
  /** Median of the sentence's Flesch–Kincaid, Fog, Coleman–Liau and ARI grades. */
  grade: number | null
  hard: boolean
  /** Reasons, e.g. `41 words (long above 25)`, `complex words: jurisdictional, unprecedented`. */
  why: string[]
  /** False below `minWords` words: a grade of a very short sentence is noise (always written by score-readability). */
  reliable?: boolean
}
