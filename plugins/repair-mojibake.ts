import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import data from './data/mojibake.json' with {type: 'json'}
import {recordChanges} from './util/changes.js'
import {
  findCyrillicMojibake,
  findUtf8Mojibake,
  mayHoldMojibake,
  mayHoldRepairs,
} from './util/mojibake.js'
import {viewOf} from './util/text-view.js'

export interface Options {
  /** Repair windows-1251 words read as latin-1 (`Ïðèâåò` → `Привет`) (default: `true`). */
  readonly cyrillic?: boolean | null | undefined
  /**
   * Most repair passes, for text that was mis-decoded more than once
   * (`Ã¢â‚¬â„¢` → `â€™` → `’`) (default: `3`).
   */
  readonly maxPasses?: number | null | undefined
}

export const source = 'repair-mojibake'

const notes = new Map(data.entries.map((entry) => [entry.id, entry.source]))

/**
 * Repair unambiguous mojibake: UTF-8 read as windows-1252 or latin-1 (`â€™`
 * → `’`, `Ã©` → `é`) and windows-1251 words read as latin-1. Ambiguous
 * sequences (`PELÉ’s`) are left alone. Every repair is reported with the
 * text before and after.
 */
const repairMojibake: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const cyrillic = options?.cyrillic ?? true
  const maxPasses = options?.maxPasses ?? 3
  return (tree, file) => {
    // A dry run cannot see the text a first pass would make, so it makes one.
    const passes = file.data.dryRun ? 1 : maxPasses
    for (let pass = 0; pass < passes; pass++) {
      const view = viewOf(tree, file)
      if (!mayHoldRepairs(view.text)) break
      const edits = findUtf8Mojibake(view.text)
      if (cyrillic) edits.push(...findCyrillicMojibake(view.text))
      const made = recordChanges(file, view, edits, {
        source,
        describe: () => 'mojibake',
        note: (ruleId) => notes.get(ruleId),
      })
      // Another pass only when a repair made characters that can be mojibake again.
      if (!made.some((change) => mayHoldMojibake(change.after))) break
    }
  }
}

export default repairMojibake
