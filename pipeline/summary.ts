/** Run summary: counts, removals by rule, errors, timings and score distributions. */
import {type Digest, digestOf} from './item.js'
import type {Outcome} from './run.js'

export interface Summary {
  records: number
  cleaned: number
  errors: number
  removed: number
  removedByRule: Record<string, number>
  removedCharacters: number
  warnings: number
  grade: Distribution | null
  fleschReadingEase: Distribution | null
  /** Neutrality scores, when the neutrality analyser ran. */
  neutrality: Distribution | null
  /** The first errors (at most {@link maxListedErrors}), to find them without scanning the records. */
  errorList: Array<{file?: string; line?: number; id?: string | number; error: string}>
  durationMs: number
  /** Records a second over the whole run. */
  recordsPerSecond: number
  /** Input bytes read, when known (file inputs). */
  inputBytes: number | null
  /** Records skipped because an interrupted run had done them (`--resume`). */
  resumed: number
  /** Worker threads used (1: the main thread). */
  jobs: number
}

export interface Distribution {
  min: number
  p10: number
  median: number
  p90: number
  max: number
  mean: number
}

/** How many errors the summary lists by name. */
export const maxListedErrors = 100

export class SummaryBuilder {
  private records = 0
  private errors = 0
  private removed = 0
  private removedCharacters = 0
  private warnings = 0
  private readonly byRule = new Map<string, number>()
  private readonly grades = new ScoreHistogram()
  private readonly ease = new ScoreHistogram()
  private readonly neutrality = new ScoreHistogram()
  private readonly errorList: Summary['errorList'] = []
  private readonly started = performance.now()
  /** Input bytes, set by the batch when it knows them. */
  inputBytes: number | null = null
  resumed = 0
  jobs = 1

  /** Count a record. */
  add(outcome: Outcome): void {
    this.addDigest(digestOf(outcome))
  }

  /** Count a record from its digest (what workers send back). */
  addDigest(digest: Digest): void {
    this.records++
    if (digest.error !== null) {
      this.errors++
      if (this.errorList.length < maxListedErrors) {
        const where = digest.where ?? {}
        this.errorList.push({
          ...(where.file === undefined ? {} : {file: where.file}),
          ...(where.line === undefined ? {} : {line: where.line}),
          ...(where.id === undefined ? {} : {id: where.id}),
          error: digest.error,
        })
      }
      return
    }
    for (const [ruleId, characters] of digest.removed) {
      this.removed++
      this.removedCharacters += characters
      this.byRule.set(ruleId, (this.byRule.get(ruleId) ?? 0) + 1)
    }
    this.warnings += digest.warnings
    if (digest.grade !== null) this.grades.add(digest.grade)
    if (digest.ease !== null) this.ease.add(digest.ease)
    if (digest.neutrality !== null) this.neutrality.add(digest.neutrality)
  }

  get failed(): number {
    return this.errors
  }

  /** Records counted so far (cheap, unlike `build()`). */
  get count(): number {
    return this.records
  }

  build(): Summary {
    const durationMs = Math.round(performance.now() - this.started)
    return {
      records: this.records,
      cleaned: this.records - this.errors,
      errors: this.errors,
      removed: this.removed,
      removedByRule: Object.fromEntries([...this.byRule].sort((a, b) => b[1] - a[1])),
      removedCharacters: this.removedCharacters,
      warnings: this.warnings,
      grade: this.grades.distribution(),
      fleschReadingEase: this.ease.distribution(),
      neutrality: this.neutrality.distribution(),
      errorList: this.errorList,
      durationMs,
      recordsPerSecond:
        durationMs > 0 ? Math.round((this.records / durationMs) * 1000 * 10) / 10 : 0,
      inputBytes: this.inputBytes,
      resumed: this.resumed,
      jobs: this.jobs,
    }
  }
}

/** Hundredths: the summary gives every figure to two decimals. */
const hundredths = (value: number): number => Math.round(value * 100)

/**
 * The scores of a run as counts per hundredth, so that a long run keeps one
 * count per distinct value shown rather than every score. Rounding is
 * monotonic, so the order statistics of the rounded values (min, p10, median,
 * p90, max) are exactly the rounded order statistics of the scores; the mean
 * comes from the exact sum.
 */
export class ScoreHistogram {
  private readonly counts = new Map<number, number>()
  private count = 0
  private sum = 0

  add(value: number): void {
    const key = hundredths(value)
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
    this.count++
    this.sum += value
  }

  /** The distribution; `null` when no score was added. */
  distribution(): Distribution | null {
    if (this.count === 0) return null
    const keys = [...this.counts.keys()].sort((a, b) => a - b)
    // The value of 0-based rank `rank` in sorted order, found by walking the cumulative counts.
    const at = (rank: number): number => {
      let seen = 0
      for (const key of keys) {
        seen += this.counts.get(key) ?? 0
        if (seen > rank) return key / 100
      }
      return (keys.at(-1) ?? 0) / 100
    }
    const nearestRank = (q: number): number =>
      at(Math.min(this.count - 1, Math.max(0, Math.ceil(q * this.count) - 1)))
    return {
      min: (keys[0] ?? 0) / 100,
      p10: nearestRank(0.1),
      median: at(this.count >> 1),
      p90: nearestRank(0.9),
      max: (keys.at(-1) ?? 0) / 100,
      mean: hundredths(this.sum / this.count) / 100,
    }
  }
}

/** p10 and p90 by the nearest-rank method; the median is the upper middle value of an even count. */
export function distribution(values: readonly number[]): Distribution | null {
  const histogram = new ScoreHistogram()
  for (const value of values) histogram.add(value)
  return histogram.distribution()
}
