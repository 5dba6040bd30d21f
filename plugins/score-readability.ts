import type {Root, Sentence} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {addCounts, type Counts, emptyCounts, scoreCounts} from './util/readability-counts.js'
import {type SentenceCounts, sentenceCounter} from './util/readability-sentence.js'
import {textOf} from './util/readability-text.js'
import type {SentenceReport} from './util/readability-types.js'
import {UnfamiliarTally} from './util/readability-unfamiliar.js'
import {report} from './util/report.js'

export interface Options {
  /** Grade above which a sentence counts as hard (default: `12`). */
  readonly hardGrade?: number | null | undefined
  /** Sentences shorter than this get no reliable grade and are never called hard (default: `8`). */
  readonly minWords?: number | null | undefined
  /** Words above which a hard sentence's length is named as a reason (default: `25`). */
  readonly longSentence?: number | null | undefined
  /** Grade above which a hard sentence also gets a `hard-sentence` warning (default: `16`). */
  readonly warnGrade?: number | null | undefined
}

export const source = 'score-readability'

interface Settings {
  hardGrade: number
  minWords: number
  longSentence: number
  warnGrade: number
}

/**
 * Analyser: document readability scores in `file.data.readability`, one
 * explanation per sentence in `file.data.sentences` (offsets into the cleaned
 * text), and a `hard-sentence` warning, with its reasons, for each hard sentence.
 * Reads the tree only.
 */
const scoreReadability: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const settings: Settings = {
    hardGrade: options?.hardGrade ?? 12,
    minWords: options?.minWords ?? 8,
    longSentence: options?.longSentence ?? 25,
    warnGrade: options?.warnGrade ?? 16,
  }
  return (tree, file) => {
    const countsOf = sentenceCounter(file)
    const total = emptyCounts()
    const unfamiliar = new UnfamiliarTally()
    const sentences: SentenceReport[] = []
    let offset = 0
    const visit = (node: Root | Root['children'][number]): void => {
      if (node.type === 'SentenceNode') {
        const text = textOf(node)
        const end = offset + text.length
        const counted = countsOf(node)
        unfamiliar.add(counted)
        const explained = scoreSentence(counted, total, settings, offset, end, text)
        sentences.push(explained)
        if (explained.hard && (explained.grade ?? 0) > settings.warnGrade) {
          warn(file, node, explained, settings)
        }
        offset = end
      } else if ('children' in node) {
        for (const child of node.children) visit(child)
      } else {
        offset += node.value.length
      }
    }
    visit(tree)
    // Spache counts each unfamiliar word once a document.
    total.unfamiliarWords = unfamiliar.total(tree)
    file.data.readability = scoreCounts(total)
    file.data.sentences = sentences
  }
}

function scoreSentence(
  {counts, complex, grade}: Readonly<SentenceCounts>,
  total: Counts,
  settings: Settings,
  start: number,
  end: number,
  text: string,
): SentenceReport {
  addCounts(total, counts)
  const reliable = counts.words >= settings.minWords
  const hard = reliable && Number.isFinite(grade) && grade > settings.hardGrade
  const why: string[] = []
  if (hard) {
    if (counts.words > settings.longSentence) {
      why.push(`${counts.words} words (long above ${settings.longSentence})`)
    }
    if (complex.length > 0) why.push(`complex words: ${complex.join(', ')}`)
    const perWord = counts.syllables / counts.words
    if (perWord >= 1.7) why.push(`${perWord.toFixed(1)} syllables a word`)
  }
  return {
    start,
    end,
    text,
    words: counts.words,
    grade: Number.isFinite(grade) ? Math.round(grade * 10) / 10 : null,
    hard,
    why,
    reliable,
  }
}

function warn(
  file: VFile,
  sentence: Sentence,
  explained: SentenceReport,
  settings: Settings,
): void {
  const start = sentence.position?.start.offset
  const end = sentence.position?.end.offset
  if (!sentence.position || start === undefined || end === undefined) return
  report(file, {
    source,
    ruleId: 'hard-sentence',
    reason: `Unexpected hard sentence (grade ${explained.grade}: ${explained.why.join('; ')}), expected grade ${settings.hardGrade} or below`,
    place: sentence.position,
    actual: String(file.value).slice(start, end),
    expected: [],
    level: 'warning',
  })
}

export default scoreReadability
