import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {defaultLexicon, scanDocument} from './util/neutrality-document.js'
import {
  buildLexicon,
  type Category,
  type CustomWord,
  categories,
} from './util/neutrality-lexicon.js'
import {type Model, scoreFromLogit, shippedModel, weightOf} from './util/neutrality-model.js'
import type {Signal} from './util/neutrality-signals.js'
import type {NeutralitySignal, SentenceNeutrality} from './util/neutrality-types.js'
import {SentenceWords} from './util/neutrality-words.js'
import {report} from './util/report.js'

export interface Options {
  /** Scores below this (0–100) are `loaded` (default: the fitted `threshold` of `plugins/data/neutrality-weights.json`). */
  readonly threshold?: number | null | undefined
  /** Categories to switch on or off, e.g. `{hedge: false}` (default: all on). */
  readonly categories?: Readonly<Partial<Record<Category, boolean>>> | null | undefined
  /** Extra terms, matched before the shipped lists (default: none). */
  readonly words?: readonly CustomWord[] | null | undefined
  /** Whether signals inside direct quotations count toward the score (default: `true`, at the fitted quote factor). */
  readonly quotes?: boolean | null | undefined
}

export const source = 'score-neutrality'

/** Lint rule of each category that gets a message; the others only weigh in the score. */
const lintRules: Readonly<Partial<Record<Category, {ruleId: string; label: string}>>> = {
  'loaded-attribution': {ruleId: 'loaded-attribution', label: 'loaded attribution'},
  'presupposing-attribution': {
    ruleId: 'presupposing-attribution',
    label: 'truth-presupposing verb',
  },
  'loaded-label': {ruleId: 'loaded-label', label: 'one-sided label'},
  'strong-subjective': {ruleId: 'loaded-word', label: 'loaded word'},
  'framing-verb': {ruleId: 'framing-verb', label: 'framing verb'},
  'doubt-marker': {ruleId: 'doubt-marker', label: 'doubt marker'},
  intensifier: {ruleId: 'intensifier', label: 'intensifier'},
  'certainty-marker': {ruleId: 'certainty-marker', label: 'certainty marker'},
  'vague-source': {ruleId: 'vague-source', label: 'vague source'},
  'personal-voice': {ruleId: 'personal-voice', label: 'first or second person'},
  'scare-quote': {ruleId: 'scare-quote', label: 'scare quote'},
  exclamation: {ruleId: 'exclamation', label: 'exclamation'},
  'rhetorical-question': {ruleId: 'rhetorical-question', label: 'question in running text'},
}

const note =
  'Word lists: plugins/data/neutrality-lexicon.json (Recasens et al. 2013, BABE); weights: plugins/data/neutrality-weights.json'

/**
 * Analyser: per sentence, the signals of loaded or editorialising language
 * with their spans and weights, and a neutrality score (100 = fully neutral);
 * per document, a score and a verdict, in `file.data.neutrality`. A
 * `warning` message for each signal the writer could reword (quoted speech is
 * scored but not linted). Reads the tree only.
 */
const scoreNeutrality: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const switches = options?.categories ?? {}
  const enabled = new Set<Category>(categories.filter((category) => switches[category] !== false))
  const custom = options?.words ?? []
  const lexicon =
    enabled.size === categories.length && custom.length === 0
      ? defaultLexicon()
      : buildLexicon(enabled, custom)
  const model: Model = {
    ...shippedModel,
    threshold: options?.threshold ?? shippedModel.threshold,
    quoteWeight: options?.quotes === false ? 0 : shippedModel.quoteWeight,
  }
  // Most sentences have no signal: their score is the bias's, worked out once.
  const plainScore = scoreFromLogit(model.bias)
  // The logit each category adds, outside and inside quotations, worked out once.
  const plainWeights = new Map(
    categories.map((category) => [category, weightOf({category, quoted: false}, model)]),
  )
  const quotedWeights = new Map(
    categories.map((category) => [category, weightOf({category, quoted: true}, model)]),
  )
  // Scratch space for a sentence's words, reset for each: reused, not rebuilt, per document.
  const words = new SentenceWords()
  return (tree, file) => {
    const original = String(file.value)
    const sentences: SentenceNeutrality[] = []
    const all: NeutralitySignal[] = []
    let weightedScore = 0
    let totalWords = 0
    // A new scratch array per document: young, like the signals it holds (no old-to-new pointers).
    scanDocument(tree, lexicon, original, words, (found, start, end, count) => {
      let logit = model.bias
      const signals: NeutralitySignal[] = []
      for (let index = 0; index < found.length; index++) {
        const signal = found[index] as Signal
        const weight = (signal.quoted ? quotedWeights : plainWeights).get(signal.category) ?? 0
        // A switched-off quotation (or a category fitted to 0) adds nothing: not a signal.
        if (weight === 0) continue
        logit += weight
        const record = toRecord(signal, weight)
        signals.push(record)
        all.push(record)
        lint(file, signal, weight)
      }
      const score = signals.length === 0 ? plainScore : scoreFromLogit(logit)
      sentences.push({start, end, score, signals})
      weightedScore += score * count
      totalWords += count
    })
    const score = totalWords === 0 ? 100 : Math.round((weightedScore / totalWords) * 1000) / 1000
    file.data.neutrality = {
      score,
      verdict: score < model.threshold ? 'loaded' : 'neutral',
      signals: all,
      sentences,
    }
  }
}

function toRecord(signal: Signal, weight: number): NeutralitySignal {
  const record: NeutralitySignal = {
    category: signal.category,
    ruleId: lintRules[signal.category]?.ruleId ?? signal.category,
    text: signal.text,
    start: signal.place.start.offset ?? 0,
    end: signal.place.end.offset ?? 0,
    weight,
    quoted: signal.quoted,
  }
  // Set only when there is one, so the record has no `alternative: undefined` key.
  if (signal.alternative !== undefined) record.alternative = signal.alternative
  return record
}

function lint(file: VFile, signal: Signal, weight: number): void {
  const rule = lintRules[signal.category]
  if (!rule || signal.quoted || signal.quiet) return
  const fix =
    signal.alternative === undefined
      ? 'neutral wording'
      : signal.alternative === ''
        ? 'nothing'
        : `\`${signal.alternative}\``
  report(file, {
    source,
    ruleId: rule.ruleId,
    reason: `Unexpected ${rule.label} \`${signal.text}\`, expected ${fix}`,
    place: signal.place,
    actual: signal.text,
    expected: signal.alternative === undefined ? [] : [signal.alternative],
    level: 'warning',
    note: `${note}; adds ${weight} to the logit of "loaded"`,
  })
}

export default scoreNeutrality
