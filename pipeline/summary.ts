/** Run summary: counts, removals by rule, errors and score distributions. */
import {isErrorRecord, type Outcome} from './run.js'

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
  durationMs: number
}

export interface Distribution {
  min: number
  median: number
  max: number
}

export class SummaryBuilder {
  private records = 0
  private errors = 0
  private removed = 0
  private removedCharacters = 0
  private warnings = 0
  private readonly byRule = new Map<string, number>()
  private readonly grades: number[] = []
  private readonly ease: number[] = []
  private readonly started = performance.now()

  add(outcome: Outcome): void {
    this.records++
    if (isErrorRecord(outcome)) {
      this.errors++
      return
    }
    for (const removal of outcome.removed) {
      this.removed++
      this.removedCharacters += removal.end - removal.start
      this.byRule.set(removal.ruleId, (this.byRule.get(removal.ruleId) ?? 0) + 1)
    }
    this.warnings += outcome.messages.filter((message) => message.severity === 'warning').length
    const readability = outcome.readability
    if (readability?.grade !== null && readability?.grade !== undefined)
      this.grades.push(readability.grade)
    if (readability?.fleschReadingEase !== null && readability?.fleschReadingEase !== undefined) {
      this.ease.push(readability.fleschReadingEase)
    }
  }

  get failed(): number {
    return this.errors
  }

  build(): Summary {
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
      durationMs: Math.round(performance.now() - this.started),
    }
  }
}

function distribution(values: number[]): Distribution | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return {
    min: sorted[0] ?? 0,
    median: sorted[sorted.length >> 1] ?? 0,
    max: sorted.at(-1) ?? 0,
  }
}
