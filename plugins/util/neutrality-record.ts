/** How score-neutrality's findings enter the public record (pipeline/record.ts). */
import type {DocumentNeutrality, NeutralityReport, SentenceNeutrality} from './neutrality-types.js'

/** The record's `neutrality` field: the document's score, verdict and signals. */
export function documentNeutrality(
  report: NeutralityReport | undefined,
): DocumentNeutrality | null {
  if (!report) return null
  return {score: report.score, verdict: report.verdict, signals: report.signals}
}

/**
 * Each sentence item with a `neutrality` field (`{score, signals}`) where a
 * neutrality sentence has the same offsets in the cleaned text; items are
 * copied, never changed in place.
 */
export function withSentenceNeutrality<T extends {start: number; end: number}>(
  sentences: readonly T[],
  report: NeutralityReport | undefined,
): (T & {neutrality?: Pick<SentenceNeutrality, 'score' | 'signals'>})[] {
  if (!report) return [...sentences]
  const found = inOrder(sentences) && inOrder(report.sentences) ? mergeJoin : mapJoin
  return found(sentences, report.sentences)
}

type Join = <T extends {start: number; end: number}>(
  sentences: readonly T[],
  scored: readonly SentenceNeutrality[],
) => (T & {neutrality?: Pick<SentenceNeutrality, 'score' | 'signals'>})[]

/** Both lists in text order (the analysers write them so): one walk along both, no map. */
const mergeJoin: Join = (sentences, scored) => {
  const joined = new Array(sentences.length)
  let at = 0
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index] as (typeof sentences)[number]
    while (at < scored.length && before(scored[at] as SentenceNeutrality, sentence)) at++
    // Of several scored sentences with the same offsets, the last wins (as in the map).
    let match: SentenceNeutrality | undefined
    for (let same = at; same < scored.length; same++) {
      const candidate = scored[same] as SentenceNeutrality
      if (candidate.start !== sentence.start || candidate.end !== sentence.end) break
      match = candidate
    }
    joined[index] = match ? withScore(sentence, match) : sentence
  }
  return joined
}

/** Any order: a map from offsets to the scored sentence. */
const mapJoin: Join = (sentences, scored) => {
  const byOffsets = new Map<number | string, SentenceNeutrality>()
  for (const sentence of scored) byOffsets.set(offsetsKey(sentence), sentence)
  return sentences.map((sentence) => {
    const found = byOffsets.get(offsetsKey(sentence))
    return found ? withScore(sentence, found) : sentence
  })
}

function withScore<T extends {start: number; end: number}>(
  sentence: T,
  found: SentenceNeutrality,
): T & {neutrality: Pick<SentenceNeutrality, 'score' | 'signals'>} {
  const neutrality = {score: found.score, signals: found.signals}
  // An own `__proto__` key would set the copy's prototype through `Object.assign`: spread it.
  if (Object.hasOwn(sentence, '__proto__')) return {...sentence, neutrality}
  // The same own keys in the same order as a spread, in about half the memory
  // (V8 gives a spread copy room for properties it never gets) and less time.
  const copy = Object.assign({}, sentence) as T & {neutrality: typeof neutrality}
  copy.neutrality = neutrality
  return copy
}

/** Span `a` sorts before span `b`: by start, then by end. */
function before(a: Span, b: Span): boolean {
  return a.start < b.start || (a.start === b.start && a.end < b.end)
}

/** Whole, non-negative offsets, sorted by start then end: the merge join applies. */
function inOrder(spans: readonly Span[]): boolean {
  let previous: Span | undefined
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index] as Span
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) return false
    if (span.start < 0 || span.end < 0) return false
    if (previous && before(span, previous)) return false
    previous = span
  }
  return true
}

interface Span {
  readonly start: number
  readonly end: number
}

/** Ends below this (2^21: 2 MB of text) pack with their start into one exact number. */
const endLimit = 2 ** 21

/**
 * A key for a pair of offsets: one number (no string to build) when they
 * pack exactly below 2^53, which any article does; a string otherwise. A
 * number never equals a string, so keys stay one-to-one.
 */
function offsetsKey(span: {readonly start: number; readonly end: number}): number | string {
  const {start, end} = span
  const packs =
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start < 2 ** 32 &&
    end >= 0 &&
    end < endLimit
  return packs ? start * endLimit + end : `${start}:${end}`
}
