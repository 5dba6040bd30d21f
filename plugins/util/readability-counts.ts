/**
 * Counting for the readability formulas: words, syllables, letters and the
 * word classes each formula needs, over the words of a text.
 */
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {fleschKincaid} from 'flesch-kincaid'
import {gunningFog} from 'gunning-fog'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import type {DocumentReadability} from './readability-types.js'

const familiarDaleChall = new Set(daleChall)
const familiarSpache = new Set(spache)

export interface Counts {
  sentences: number
  words: number
  syllables: number
  letters: number
  characters: number
  /** Three or more syllables. */
  complexWords: number
  /** Seven or more letters. */
  longWords: number
  /** Not on the Dale–Chall list of familiar words. */
  difficultWords: number
  /** Not on the Spache list of familiar words. */
  unfamiliarWords: number
}

export const emptyCounts = (): Counts => ({
  sentences: 0,
  words: 0,
  syllables: 0,
  letters: 0,
  characters: 0,
  complexWords: 0,
  longWords: 0,
  difficultWords: 0,
  unfamiliarWords: 0,
})

const letterPattern = /\p{L}/gu

/** Add one word to `counts`. Returns its syllable count. */
export function countWord(counts: Counts, word: string): number {
  const syllables = Math.max(1, syllable(word))
  const letters = word.match(letterPattern)?.length ?? 0
  const lower = word.toLowerCase()
  counts.words++
  counts.syllables += syllables
  counts.letters += letters
  counts.characters += word.length
  if (syllables >= 3) counts.complexWords++
  if (letters >= 7) counts.longWords++
  if (!familiarDaleChall.has(lower)) counts.difficultWords++
  if (!familiarSpache.has(lower)) counts.unfamiliarWords++
  return syllables
}

const round = (value: number): number | null =>
  Number.isFinite(value) ? Math.round(value * 100) / 100 : null

/** Minimum words for document scores to be called reliable. */
export const minReliableWords = 100

/** All document scores from counts. */
export function scoreCounts(counts: Counts): DocumentReadability {
  const {sentences: sentence, words: word, syllables: syllableCount} = counts
  const daleChallScore = daleChallFormula({
    sentence,
    word,
    difficultWord: counts.difficultWords,
  })
  const grades = [
    fleschKincaid({sentence, word, syllable: syllableCount}),
    gunningFog({sentence, word, complexPolysillabicWord: counts.complexWords}),
    smogFormula({sentence, polysillabicWord: counts.complexWords}),
    colemanLiau({sentence, word, letter: counts.letters}),
    automatedReadability({sentence, word, character: counts.letters}),
  ].filter(Number.isFinite)
  const [low, high] = daleChallGradeLevel(daleChallScore)
  if (low !== undefined && high !== undefined && Number.isFinite(low)) {
    grades.push(Number.isFinite(high) ? (low + high) / 2 : low)
  }
  grades.sort((a, b) => a - b)
  const middle = grades.length >> 1
  const median =
    grades.length === 0
      ? Number.NaN
      : grades.length % 2
        ? (grades[middle] ?? Number.NaN)
        : ((grades[middle - 1] ?? 0) + (grades[middle] ?? 0)) / 2
  return {
    fleschReadingEase: round(flesch({sentence, word, syllable: syllableCount})),
    fleschKincaidGrade: round(fleschKincaid({sentence, word, syllable: syllableCount})),
    gunningFog: round(gunningFog({sentence, word, complexPolysillabicWord: counts.complexWords})),
    smog: round(smogFormula({sentence, polysillabicWord: counts.complexWords})),
    colemanLiau: round(colemanLiau({sentence, word, letter: counts.letters})),
    automatedReadability: round(automatedReadability({sentence, word, character: counts.letters})),
    daleChall: round(daleChallScore),
    spache: round(spacheFormula({sentence, word, unfamiliarWord: counts.unfamiliarWords})),
    grade: round(median),
    words: word,
    sentences: sentence,
    syllables: syllableCount,
    complexWords: counts.complexWords,
    longWords: counts.longWords,
    characters: counts.characters,
    reliable: word >= minReliableWords && sentence >= 3,
  }
}
