/**
 * The word passes of score-neutrality's signal finder: curated terms (longest
 * phrase first), suffix rules, words with digits, then package words. Each
 * word is covered at most once; every pass is one scan over the words, and
 * reads what was looked up once per word (neutrality-words.ts).
 */
import type {Position} from 'unist'
import {groupAbove, noList, noTerm, unknownWord, type WordIndex} from './neutrality-index.js'
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
  if (hits.curated > 0) matchTable(words, false, signals, original, lexicon.index)
  if (hits.suffix > 0)
    for (const rule of lexicon.suffixes) matchSuffix(words, rule, signals, original)
  if (hits.digit > 0 && lexicon.digits) matchDigits(words, lexicon.digits, signals, original)
  if (hits.packaged > 0) matchTable(words, true, signals, original, lexicon.index)
}

/** One pass of table terms: the curated table, or (`packaged`) the package words. */
function matchTable(
  words: SentenceWords,
  packaged: boolean,
  signals: Signal[],
  original: string,
  index: WordIndex,
): void {
  const {covered, places, quoted, length} = words
  const lists = packaged ? words.packaged : words.curated
  const {termStarts} = index
  for (let at = 0; at < length; at++) {
    if (covered[at]) continue
    const list = lists[at] as number
    if (list === noList) continue
    const match = firstMatch(words, at, list, index)
    if (match === noTerm) continue
    const term = index.term(match)
    const count = (termStarts[match + 1] as number) - (termStarts[match] as number)
    const first = places[at]
    const last = places[at + count - 1]
    // Personal pronouns inside a quotation are the speaker's, not the writer's.
    if (first && last && !(term.category === 'personal-voice' && quoted[at])) {
      signals.push({
        category: term.category,
        text: original.slice(first.start.offset, last.end.offset),
        place: {start: first.start, end: last.end},
        quoted: quoted[at] === 1,
        alternative: term.alternative,
        quiet: term.quiet,
      })
    }
    for (let word = at; word < at + count; word++) covered[word] = 1
    at += count - 1
  }
}

/** The first (so longest) term of `list` whose words follow from `at` on, unbroken (`noTerm`: none). */
function firstMatch(words: SentenceWords, at: number, list: number, index: WordIndex): number {
  // A phrase needs the next word: there, not taken, not after punctuation, and in some term.
  const next = at + 1
  const second =
    next < words.length && !words.covered[next] && !words.gapBefore[next]
      ? (words.ids[next] as number)
      : unknownWord
  const single = index.listSingle[list] as number
  if (second === unknownWord) return single
  const {listStarts, listTerms, termStarts, termWords} = index
  const from = listStarts[list] as number
  const to = listStarts[list + 1] as number
  if (to - from <= groupAbove) {
    for (let entry = from; entry < to; entry++) {
      const term = listTerms[entry] as number
      const start = termStarts[term] as number
      const end = termStarts[term + 1] as number
      if (end - start > 1 && termWords[start + 1] === second && matchesAt(words, at, index, term))
        return term
    }
    return single
  }
  // Only phrases whose second word is the next word can match, in the same order.
  const slot = index.pairSlot(list, second)
  if (slot < 0) return single
  const {pairs, pairTerms} = index
  const end = pairs[slot + 3] as number
  for (let entry = pairs[slot + 2] as number; entry < end; entry++) {
    const term = pairTerms[entry] as number
    if (matchesAt(words, at, index, term)) return term
  }
  return single
}

/** The term's later words follow `at` as the next words, uncovered, with no punctuation between. */
function matchesAt(words: SentenceWords, at: number, index: WordIndex, term: number): boolean {
  const start = index.termStarts[term] as number
  const count = (index.termStarts[term + 1] as number) - start
  if (at + count > words.length) return false
  const {termWords} = index
  for (let offset = 1; offset < count; offset++) {
    const word = at + offset
    if (
      words.covered[word] ||
      words.gapBefore[word] ||
      words.ids[word] !== termWords[start + offset]
    )
      return false
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
