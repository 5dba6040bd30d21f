/**
 * The vote `retext-readability` (8.x, `lib/index.js`) casts on one sentence,
 * computed from the same counts with the same formula packages, so that its
 * wrapper hands it only the sentences it flags. Reading its source: per
 * sentence it counts every `WordNode` (at any depth), the length of each
 * word's text as its letters and characters, the `syllable` package's
 * syllables, polysyllables (three or more), "complex" polysyllables (first
 * character unchanged by lower-casing), and the different lower-cased words on
 * the Spache and Dale–Chall lists; from a sentence of `minWords` words on it
 * turns seven formulas into ages, counts the ages above `age`, and warns when
 * that share reaches `threshold`. Each step below is one of those, in the same
 * floating-point order, so the vote here is its vote; the equivalence test in
 * `test/readability-votes.test.ts` compares the two on thousands of sentences.
 */
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import type {Sentence} from 'nlcst'
import {smogFormula} from 'smog-formula'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import {countSentence, type SentenceCounts} from './readability-sentence.js'
import {textOf} from './readability-text.js'
import {voteBit} from './readability-vote-words.js'
import {factAt, factStride, voteShift, wordTable} from './readability-words.js'

// What it reads of each word comes from the shared word table
// (readability-words.ts), whose slot holds its facts beside copydesk's:
// results never depend on the table. Syllables are counted only when a
// sentence gets past the bound below (`-1` until then): the `syllable` package
// is the slow part. `syllable` here is packages/syllable-memo (the root
// `overrides` install it for retext-readability too), so the words of a
// sentence handed over are not counted a second time.

/** The `syllable` count of the word whose facts start at `at` (its `value`), counted on first need. */
function syllablesAt(at: number, value: string): number {
  const facts = wordTable.facts
  let count = facts[at + factAt.voteSyllables] ?? -1
  if (count < 0) {
    count = syllable(value)
    facts[at + factAt.voteSyllables] = count
  }
  return count
}

/** retext-readability's settings, resolved as it resolves them. */
export interface VoteSettings {
  readonly age: number
  readonly minWords: number
  readonly threshold: number
}

/** The settings retext-readability uses for `options` (its own defaults: `||` for age and threshold). */
export function voteSettings(options: {
  readonly age?: number | null | undefined
  readonly minWords?: number | null | undefined
  readonly threshold?: number | null | undefined
}): VoteSettings {
  return {
    age: options.age || 16,
    minWords: typeof options.minWords === 'number' ? options.minWords : 5,
    threshold: options.threshold || 4 / 7,
  }
}

/** Running totals of one sentence, in retext-readability's names. */
interface Tally {
  word: number
  syllable: number
  letter: number
  polysillabicWord: number
  complexPolysillabicWord: number
  /** Whether syllables and the word lists are counted (else only the bound's counts). */
  readonly exact: boolean
  /**
   * The sentence's mark on key numbers (`wordTable.sentenceMarks`): a word
   * whose lower-cased form is its key counts on the lists once a key. `0`:
   * every word goes through the sets.
   */
  readonly mark: number
  /** Different lower-case words on its Dale–Chall list, counted by mark. */
  easyKeys: number
  /** Different lower-case words on its Spache list, counted by mark. */
  familiarKeys: number
  /** Different lower-case words on its Dale–Chall list, the others (made on need). */
  easy: Set<string> | undefined
  /** Different lower-case words on its Spache list, the others (made on need). */
  familiar: Set<string> | undefined
}

const emptyTally = (exact: boolean, mark = 0): Tally => ({
  word: 0,
  syllable: 0,
  letter: 0,
  polysillabicWord: 0,
  complexPolysillabicWord: 0,
  exact,
  mark,
  easyKeys: 0,
  familiarKeys: 0,
  easy: undefined,
  familiar: undefined,
})

/**
 * Its words, as its `visit` finds them (every descendant, words inside words
 * included). Without `exact`, only what needs no syllables is counted, and
 * every word without a capital counts as a complex polysyllable.
 */
function tallyWords(node: {children: readonly unknown[]}, tally: Tally): void {
  const table = wordTable
  const facts = table.facts
  for (const child of node.children as ReadonlyArray<Sentence['children'][number]>) {
    if (child.type === 'WordNode') {
      const value = textOf(child)
      const slot = table.slot(value)
      const at = slot * factStride
      const bits = (facts[at + factAt.flags] ?? 0) >> voteShift
      tally.word++
      tally.letter += value.length
      if (!tally.exact) {
        if (bits & voteBit.nameless) tally.complexPolysillabicWord++
      } else {
        const syllables = syllablesAt(at, value)
        tally.syllable += syllables
        if (syllables >= 3) {
          tally.polysillabicWord++
          if (bits & voteBit.nameless) tally.complexPolysillabicWord++
        }
        if ((bits & (voteBit.familiar | voteBit.easy)) === 0) {
          // On neither list.
        } else if (tally.mark !== 0 && bits & voteBit.keyed) {
          // Different keys are different lower-cased forms here, and the
          // others (with a `’`) never equal one of these.
          if (table.sentenceMarks.mark(facts[at + factAt.key] ?? 0, tally.mark)) {
            if (bits & voteBit.familiar) tally.familiarKeys++
            if (bits & voteBit.easy) tally.easyKeys++
          }
        } else {
          const caseless = table.caseless[slot] ?? ''
          if (bits & voteBit.familiar) {
            tally.familiar ??= new Set()
            tally.familiar.add(caseless)
          }
          if (bits & voteBit.easy) {
            tally.easy ??= new Set()
            tally.easy.add(caseless)
          }
        }
      }
    }
    if ('children' in child) tallyWords(child, tally)
  }
}

// Its age conversions: a US grade starts at age grade + 5; Flesch bands of ten
// points from age 20 down; SMOG through a square root.
const gradeToAge = (grade: number): number => Math.round(grade + 5)
const fleschToAge = (score: number): number => 20 - Math.floor(score / 10)
const smogToAge = (score: number): number => Math.ceil(Math.sqrt(score) + 2.5)

/** Whether its seven votes, on these counts, reach `settings.threshold`. */
function votesReach(counts: Readonly<RetextCounts>, settings: VoteSettings): boolean {
  const ages = [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    fleschToAge(flesch(counts)),
    gradeToAge(gunningFog(counts)),
    smogToAge(smogFormula(counts)),
    gradeToAge(spacheFormula(counts)),
  ]
  let over = 0
  for (const age of ages) if (age > settings.age) over++
  return over / ages.length >= settings.threshold
}

/**
 * Whether retext-readability, with `settings`, warns about `sentence`. Words
 * are read with the `syllable` package, as it reads them: its time grows
 * faster than linearly on very long words, so callers keep those away.
 */
export function retextFlags(sentence: Sentence, settings: VoteSettings): boolean {
  return retextFlagsCounted(sentence, countSentence(sentence), settings)
}

/**
 * `retextFlags`, given the sentence's counts (`countSentence`, or the shared
 * `sentenceCounter`), which hold its reading of the words for the bound.
 */
export function retextFlagsCounted(
  sentence: Sentence,
  counted: Readonly<SentenceCounts>,
  settings: VoteSettings,
): boolean {
  const bound = emptyTally(false)
  if (counted.voteWords < 0) tallyWords(sentence, bound)
  else {
    bound.word = counted.voteWords
    bound.letter = counted.voteLetters
    bound.complexPolysillabicWord = counted.voteNameless
  }
  if (bound.word < settings.minWords) return false
  // First an upper bound on its votes, without counting a syllable: endless
  // syllables, every word polysyllabic, every word without a capital complex,
  // every word off both lists. Each formula only rates a sentence harder as
  // those counts grow (Flesch falls with syllables; Fog, SMOG, Dale–Chall and
  // its grade bands, and Spache rise with theirs), so a sentence that cannot
  // reach the threshold then never does; most sentences stop here.
  bound.syllable = Number.POSITIVE_INFINITY
  bound.polysillabicWord = bound.word
  // (A bound tally counts no word on either list.)
  if (!votesReach(countsOf(bound), settings)) return false
  return votesReach(retextCounts(sentence), settings)
}

/**
 * Its exact reading of a sentence: syllables, and the different lower-cased
 * words on each list, counted by key numbers, or by strings when the word
 * table empties meanwhile (key numbers then change meaning).
 */
function exactTally(sentence: Sentence): Tally {
  const generation = wordTable.generation
  const tally = emptyTally(true, wordTable.sentenceMarks.next())
  tallyWords(sentence, tally)
  if (wordTable.generation === generation) return tally
  const again = emptyTally(true)
  tallyWords(sentence, again)
  return again
}

/** The counts retext-readability's formulas read of one sentence, in its names (the formula packages' inputs). */
export interface RetextCounts {
  sentence: 1
  word: number
  syllable: number
  /** Its letters and its characters are both the length of each word's text. */
  letter: number
  character: number
  polysillabicWord: number
  complexPolysillabicWord: number
  /** Words less the different lower-cased words on the Dale–Chall list. */
  difficultWord: number
  /** Words less the different lower-cased words on the Spache list. */
  unfamiliarWord: number
}

/** What retext-readability counts in `sentence` before it votes (its exact reading, as the vote takes it). */
export function retextCounts(sentence: Sentence): RetextCounts {
  return countsOf(exactTally(sentence))
}

/** A tally's counts; the list counts are its words less the different ones on each list. */
function countsOf(tally: Readonly<Tally>): RetextCounts {
  return {
    sentence: 1,
    word: tally.word,
    syllable: tally.syllable,
    letter: tally.letter,
    character: tally.letter,
    polysillabicWord: tally.polysillabicWord,
    complexPolysillabicWord: tally.complexPolysillabicWord,
    difficultWord: tally.word - tally.easyKeys - (tally.easy?.size ?? 0),
    unfamiliarWord: tally.word - tally.familiarKeys - (tally.familiar?.size ?? 0),
  }
}
