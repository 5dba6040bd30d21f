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
  const byOffsets = new Map<number | string, SentenceNeutrality>()
  for (const sentence of report.sentences) byOffsets.set(offsetsKey(sentence), sentence)
  return sentences.map((sentence) => {
    const found = byOffsets.get(offsetsKey(sentence))
    return found
      ? {...sentence, neutrality: {score: found.score, signals: found.signals}}
      : sentence
  })
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
