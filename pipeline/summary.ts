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
  private readonly grades: number[] = []
  private readonly ease: number[] = []
  private readonly neutrality: number[] = []
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
    if (digest.grade !== null) this.grades.push(digest.grade)
    if (digest.ease !== null) this.ease.push(digest.ease)
    if (digest.neutrality !== null) this.neutrality.push(digest.neutrality)
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
      grade: distribution(this.grades),
      fleschReadingEase: distribution(this.ease),
      neutrality: distribution(this.neutrality),
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

const round = (value: number): number => Math.round(value * 100) / 100

/** p10 and p90 by the nearest-rank method; the median is the upper middle value of an even count. */
export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
  let total = 0
  for (const value of sorted) total += value
  return {
    min: round(sorted[0] ?? 0),
    p10: round(rank(0.1)),
    median: round(sorted[sorted.length >> 1] ?? 0),
    p90: round(rank(0.9)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(total / sorted.length),
  }
}
