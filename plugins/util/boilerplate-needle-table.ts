/**
 * The needles of the shipped boilerplate rules, worked out at build time.
 *
 * Reading needles off a regular expression means parsing it (regexpp); over the
 * whole registry that was about a sixth of a one-article cold start. The build
 * (`scripts/build-boilerplate-needles.ts`) writes them beside the compiled data
 * as JSON keyed by each expression's flags and source, so a changed or new
 * pattern (a user's rule, a registry edited after the build) is simply not in
 * the table and is worked out at run time: the table can make a start faster,
 * never an answer different.
 */
import {readFileSync} from 'node:fs'
import {needlesOf} from './boilerplate-needles.js'

/** Where the build writes the table: `dist/plugins/data/boilerplate-needles.json`. */
export const needleTableUrl = new URL('../data/boilerplate-needles.json', import.meta.url)

/** A table entry: the needles, or `null` for "no useful needles: always run". */
export type NeedleTable = Record<string, readonly string[] | null>

/** The table key of an expression. */
export const needleKey = (pattern: RegExp): string => `${pattern.flags}/${pattern.source}`

/** The table for `patterns`, as the build writes it. */
export function buildNeedleTable(patterns: Iterable<RegExp>): NeedleTable {
  const table: NeedleTable = {}
  for (const pattern of patterns) table[needleKey(pattern)] = needlesOf(pattern) ?? null
  return table
}

let table: Map<string, readonly string[] | null> | undefined

function loadTable(): Map<string, readonly string[] | null> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(needleTableUrl, 'utf8'))
    const entries = new Map<string, readonly string[] | null>()
    if (parsed && typeof parsed === 'object') {
      for (const [key, value] of Object.entries(parsed)) {
        if (value === null) entries.set(key, null)
        else if (Array.isArray(value) && value.every((needle) => typeof needle === 'string')) {
          entries.set(key, value)
        }
      }
    }
    return entries
  } catch {
    // No build (sources run by vitest) or an unreadable file: work them out.
    return new Map()
  }
}

/** `needlesOf(pattern)`, from the build's table when it lists the expression. */
export function tableNeedlesOf(pattern: RegExp): readonly string[] | undefined {
  table ??= loadTable()
  const listed = table.get(needleKey(pattern))
  if (listed !== undefined) return listed ?? undefined
  return needlesOf(pattern)
}
