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
  const byOffsets = new Map<string, SentenceNeutrality>()
  for (const sentence of report.sentences)
    byOffsets.set(`${sentence.start}:${sentence.end}`, sentence)
  return sentences.map((sentence) => {
    const found = byOffsets.get(`${sentence.start}:${sentence.end}`)
    return found
      ? {...sentence, neutrality: {score: found.score, signals: found.signals}}
      : sentence
  })
}
