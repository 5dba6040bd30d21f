/**
 * Counts over words and sentences, and the eight document scores from them.
 * The formulas are the unified collective's packages, which use the published
 * constants (cited on each field of `DocumentReadability`); copydesk's part is
 * counting right.
 */
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChallFormula} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {fleschKincaid} from 'flesch-kincaid'
import {gunningFog} from 'gunning-fog'
import {smogFormula} from 'smog-formula'
import {spacheFormula} from 'spache-formula'
import type {DocumentReadability} from './readability-types.js'

/** Totals the formulas read. */
export interface Counts {
  sentences: number
  words: number
  syllables: number
  letters: number
  characters: number
  /** SMOG's polysyllables: three syllables or more, every one. */
  polysyllables: number
  /** Gunning's hard words. */
  complexWords: number
  /** Seven letters or more. */
  longWords: number
  /** Not on the New Dale–Chall list (each occurrence). */
  difficultWords: number
  /** Not on the Spache list, each different word once (Spache's rule). */
  unfamiliarWords: number
}

/** Zero counts. */
export const emptyCounts = (): Counts => ({
  sentences: 0,
  words: 0,
  syllables: 0,
  letters: 0,
  characters: 0,
  polysyllables: 0,
  complexWords: 0,
  longWords: 0,
  difficultWords: 0,
  unfamiliarWords: 0,
})

/**
 * Add the counts of one sentence to a document's, all but Spache's unfamiliar
 * words, which a document counts once each (readability-unfamiliar.ts).
 */
export function addCounts(total: Counts, part: Counts): void {
  total.sentences += part.sentences
  total.words += part.words
  total.syllables += part.syllables
  total.letters += part.letters
  total.characters += part.characters
  total.polysyllables += part.polysyllables
  total.complexWords += part.complexWords
  total.longWords += part.longWords
  total.difficultWords += part.difficultWords
}

/**
 * The grade a New Dale–Chall score stands for: the middle of its band in
 * Chall & Dale (1995), table of corrected grade levels (4.9 or less: grade 4
 * and below; 5.0–5.9: 5–6; 6.0–6.9: 7–8; 7.0–7.9: 9–10; 8.0–8.9: 11–12;
 * 9.0–9.9: 13–15; 10 or more: 16 and above).
 */
export function daleChallGrade(score: number): number {
  if (!Number.isFinite(score)) return Number.NaN
  if (score < 5) return 4
  if (score < 6) return 5.5
  if (score < 7) return 7.5
  if (score < 8) return 9.5
  if (score < 9) return 11.5
  if (score < 10) return 14
  return 16
}

/** The median of the finite values, or `NaN`. */
export function median(values: number[]): number {
  let size = 0
  for (const value of values) if (Number.isFinite(value)) values[size++] = value
  values.length = size
  if (size === 0) return Number.NaN
  values.sort((a, b) => a - b)
  const middle = size >> 1
  return size % 2
    ? (values[middle] ?? Number.NaN)
    : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2
}

const round = (value: number): number | null =>
  Number.isFinite(value) ? Math.round(value * 100) / 100 : null

/** Words a document needs before its scores are called reliable. */
export const minReliableWords = 100

/** The formula inputs, in the names the formula packages use. */
function inputs(counts: Counts) {
  return {
    sentence: counts.sentences,
    word: counts.words,
    syllable: counts.syllables,
    letter: counts.letters,
    character: counts.characters,
    polysillabicWord: counts.polysyllables,
    complexPolysillabicWord: counts.complexWords,
    difficultWord: counts.difficultWords,
    unfamiliarWord: counts.unfamiliarWords,
  }
}

/**
 * Grade-level formulas for one sentence: Flesch–Kincaid, Gunning Fog,
 * Coleman–Liau and ARI (SMOG, Dale–Chall and Spache are defined on samples of
 * many sentences), and their median.
 */
export function sentenceGrade(counts: Counts): number {
  const values = inputs(counts)
  return medianOfFour(
    fleschKincaid(values),
    gunningFog(values),
    colemanLiau(values),
    automatedReadability(values),
  )
}

/** `median` of four values without an array: it runs once a sentence. */
function medianOfFour(a: number, b: number, c: number, d: number): number {
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) {
    return median([a, b, c, d])
  }
  // The two in the middle are what is left without the least and the greatest.
  const low = Math.max(Math.min(a, b), Math.min(c, d))
  const high = Math.min(Math.max(a, b), Math.max(c, d))
  return (low + high) / 2
}

/** All document scores from counts. */
export function scoreCounts(counts: Counts): DocumentReadability {
  const values = inputs(counts)
  const daleChallScore = daleChallFormula(values)
  const grades = {
    fleschKincaidGrade: fleschKincaid(values),
    gunningFog: gunningFog(values),
    // SMOG alone gives a number (its constant) for a text without words.
    smog: counts.words > 0 ? smogFormula(values) : Number.NaN,
    colemanLiau: colemanLiau(values),
    automatedReadability: automatedReadability(values),
  }
  const grade = median([...Object.values(grades), daleChallGrade(daleChallScore)])
  return {
    fleschReadingEase: round(flesch(values)),
    fleschKincaidGrade: round(grades.fleschKincaidGrade),
    gunningFog: round(grades.gunningFog),
    smog: round(grades.smog),
    colemanLiau: round(grades.colemanLiau),
    automatedReadability: round(grades.automatedReadability),
    daleChall: round(daleChallScore),
    spache: round(spacheFormula(values)),
    grade: round(grade),
    words: counts.words,
    sentences: counts.sentences,
    syllables: counts.syllables,
    complexWords: counts.complexWords,
    longWords: counts.longWords,
    characters: counts.characters,
    polysyllables: counts.polysyllables,
    difficultWords: counts.difficultWords,
    unfamiliarWords: counts.unfamiliarWords,
    letters: counts.letters,
    reliable: counts.words >= minReliableWords && counts.sentences >= 3,
  }
}
