/**
 * The word passes of score-neutrality's signal finder: curated terms (longest
 * phrase first), suffix rules, words with digits, then package words. Each
 * word is covered at most once; every pass is one scan over the words, and
 * reads what was looked up once per word (neutrality-words.ts).
 */
import type {Position} from 'unist'
import {type IndexedTerm, type TermList, unknownWord} from './neutrality-index.js'
import type {Category, Lexicon, SuffixRule} from './neutrality-lexicon.js'
import type {Signal} from './neutrality-signals.js'
import type {SentenceWords} from './neutrality-words.js'

/** Add the lexicon signals of `words` to `signals`; `original` is the input text. */
export function matchTerms(
  words: SentenceWords,
  lexicon: Lexicon,
  signals: Signal[],
  original: string,
): void {
  const {hits} = words
  if (hits.curated > 0) matchTable(words, false, signals, original)
  if (hits.suffix > 0)
    for (const rule of lexicon.suffixes) matchSuffix(words, rule, signals, original)
  if (hits.digit > 0 && lexicon.digits) matchDigits(words, lexicon.digits, signals, original)
  if (hits.packaged > 0) matchTable(words, true, signals, original)
}

/** One pass of table terms: the curated table, or (`packaged`) the package words. */
function matchTable(
  words: SentenceWords,
  packaged: boolean,
  signals: Signal[],
  original: string,
): void {
  const {covered, places, quoted, length} = words
  const table = packaged ? words.packaged : words.curated
  for (let index = 0; index < length; index++) {
    if (covered[index]) continue
    const candidates = table[index]
    if (!candidates) continue
    const match = firstMatch(words, index, candidates)
    if (!match) continue
    const {term} = match
    const count = match.ids.length
    const first = places[index]
    const last = places[index + count - 1]
    // Personal pronouns inside a quotation are the speaker's, not the writer's.
    if (first && last && !(term.category === 'personal-voice' && quoted[index])) {
      signals.push({
        category: term.category,
        text: original.slice(first.start.offset, last.end.offset),
        place: {start: first.start, end: last.end},
        quoted: quoted[index] === 1,
        alternative: term.alternative,
        quiet: term.quiet,
      })
    }
    for (let at = index; at < index + count; at++) covered[at] = 1
    index += count - 1
  }
}

/** The first (so longest) of `candidates` whose words follow from `index` on, unbroken. */
function firstMatch(
  words: SentenceWords,
  index: number,
  candidates: TermList,
): IndexedTerm | undefined {
  // A phrase needs the next word: there, not taken, not after punctuation, and in some term.
  const next = index + 1
  const second =
    next < words.length && !words.covered[next] && !words.gapBefore[next]
      ? (words.ids[next] as number)
      : unknownWord
  if (second === unknownWord) return candidates.single
  if (candidates.bySecond === undefined) {
    for (const candidate of candidates.terms) {
      if (candidate.ids[1] === second && matchesAt(words, index, candidate.ids)) return candidate
    }
    return candidates.single
  }
  // Only phrases whose second word is the next word can match, in the same order.
  for (const candidate of candidates.bySecond.get(second) ?? []) {
    if (matchesAt(words, index, candidate.ids)) return candidate
  }
  return candidates.single
}

/** The term's later words follow `index` as the next words, uncovered, with no punctuation between. */
function matchesAt(words: SentenceWords, index: number, ids: Int32Array): boolean {
  if (index + ids.length > words.length) return false
  for (let offset = 1; offset < ids.length; offset++) {
    const at = index + offset
    if (words.covered[at] || words.gapBefore[at] || words.ids[at] !== ids[offset]) return false
  }
  return true
}

/** The signal of one whole word at `place`. */
function wordSignal(
  words: SentenceWords,
  index: number,
  place: Position,
  category: Category,
  original: string,
): Signal {
  return {
    category,
    text: original.slice(place.start.offset, place.end.offset),
    place,
    quoted: words.quoted[index] === 1,
  }
}

function matchSuffix(
  words: SentenceWords,
  rule: SuffixRule,
  signals: Signal[],
  original: string,
): void {
  const {covered, places, suffix, capitalised, length} = words
  for (let index = 0; index < length; index++) {
    const place = places[index]
    if (covered[index] || !place || suffix[index] !== rule) continue
    // Names and sentence-initial words aside, capitals mark a proper noun (Kelly, Beverly).
    if (index > 0 && capitalised[index]) continue
    signals.push(wordSignal(words, index, place, rule.category, original))
    covered[index] = 1
  }
}

function matchDigits(
  words: SentenceWords,
  category: Category,
  signals: Signal[],
  original: string,
): void {
  const {covered, places, digit, length} = words
  for (let index = 0; index < length; index++) {
    const place = places[index]
    if (covered[index] || !place || !digit[index]) continue
    signals.push(wordSignal(words, index, place, category, original))
    covered[index] = 1
  }
}
