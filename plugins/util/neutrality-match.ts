/**
 * The word passes of score-neutrality's signal finder: curated terms (longest
 * phrase first), suffix rules, words with digits, then package words. Each
 * word is covered at most once; every pass is one scan over the words.
 */
import type {Position} from 'unist'
import type {Category, Lexicon, PhraseTable, SuffixRule} from './neutrality-lexicon.js'
import type {Signal} from './neutrality-signals.js'

/** One word of a sentence, as the passes see it. */
export interface Token {
  readonly norm: string
  /** First character as written (capitals mark names). */
  readonly first: string
  readonly place: Position | undefined
  readonly quoted: boolean
  /** Punctuation (not just space) separates this word from the previous one. */
  readonly gapBefore: boolean
}

/** Add the lexicon signals of `tokens` to `signals`; `original` is the input text. */
export function matchTerms(
  tokens: readonly Token[],
  lexicon: Lexicon,
  signals: Signal[],
  original: string,
): void {
  const covered = new Uint8Array(tokens.length)
  matchTable(tokens, lexicon.curated, covered, signals, original)
  for (const rule of lexicon.suffixes) matchSuffix(tokens, rule, covered, signals, original)
  if (lexicon.digits) matchDigits(tokens, lexicon.digits, covered, signals, original)
  matchTable(tokens, lexicon.packaged, covered, signals, original)
}

function matchTable(
  tokens: readonly Token[],
  table: PhraseTable,
  covered: Uint8Array,
  signals: Signal[],
  original: string,
): void {
  for (let index = 0; index < tokens.length; index++) {
    if (covered[index]) continue
    const token = tokens[index] as Token
    const candidates = table.get(token.norm) ?? table.get(withoutPossessive(token.norm))
    if (!candidates) continue
    for (const term of candidates) {
      const count = term.words.length
      if (!matchesAt(tokens, index, term.words, covered)) continue
      const last = tokens[index + count - 1] as Token
      if (token.place && last.place) {
        // Personal pronouns inside a quotation are the speaker's, not the writer's.
        if (!(term.category === 'personal-voice' && token.quoted)) {
          signals.push({
            category: term.category,
            text: original.slice(token.place.start.offset, last.place.end.offset),
            place: {start: token.place.start, end: last.place.end},
            quoted: token.quoted,
            alternative: term.alternative,
            quiet: term.quiet,
          })
        }
      }
      covered.fill(1, index, index + count)
      index += count - 1
      break
    }
  }
}

/** The signal of one whole token (which has a place: callers check). */
function wordSignal(token: Token, category: Category, original: string): Signal {
  const place = token.place as NonNullable<Token['place']>
  return {
    category,
    text: original.slice(place.start.offset, place.end.offset),
    place,
    quoted: token.quoted,
  }
}

function matchSuffix(
  tokens: readonly Token[],
  rule: SuffixRule,
  covered: Uint8Array,
  signals: Signal[],
  original: string,
): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (covered[index] || !token.place || token.norm.length < rule.minLength) continue
    if (!token.norm.endsWith(rule.suffix) || rule.exceptions.has(token.norm)) continue
    // Names and sentence-initial words aside, capitals mark a proper noun (Kelly, Beverly).
    if (index > 0 && token.first !== token.first.toLowerCase()) continue
    signals.push(wordSignal(token, rule.category, original))
    covered[index] = 1
  }
}

function matchDigits(
  tokens: readonly Token[],
  category: Category,
  covered: Uint8Array,
  signals: Signal[],
  original: string,
): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (covered[index] || !token.place || !/\d/.test(token.norm)) continue
    signals.push(wordSignal(token, category, original))
    covered[index] = 1
  }
}

function matchesAt(
  tokens: readonly Token[],
  index: number,
  words: readonly string[],
  covered: Uint8Array,
): boolean {
  if (index + words.length > tokens.length) return false
  for (let offset = 1; offset < words.length; offset++) {
    const token = tokens[index + offset] as Token
    if (covered[index + offset] || token.gapBefore || token.norm !== words[offset]) return false
  }
  return true
}

function withoutPossessive(word: string): string {
  return word.endsWith("'s") ? word.slice(0, -2) : word
}
