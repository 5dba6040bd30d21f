import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import {
  buildNeedleTable,
  needleKey,
  tableNeedlesOf,
} from '../plugins/util/boilerplate-needle-table.js'
import {needlesOf} from '../plugins/util/boilerplate-needles.js'
import {compileRule} from '../plugins/util/boilerplate-rules.js'

const shipped = registry.rules.flatMap((rule) => {
  const {pattern} = compileRule(rule)
  return pattern ? [pattern] : []
})

describe('the boilerplate needle table', () => {
  it('holds what needlesOf works out, for every shipped expression', () => {
    const table = buildNeedleTable(shipped)
    expect(Object.keys(table)).toHaveLength(new Set(shipped.map(needleKey)).size)
    for (const pattern of shipped) {
      expect(table[needleKey(pattern)] ?? undefined).toEqual(needlesOf(pattern))
    }
    // Most shipped rules are worth a prefilter; the table is not all nulls.
    expect(Object.values(table).filter((needles) => needles !== null).length).toBeGreaterThan(
      shipped.length / 2,
    )
  })

  it('works out an expression it does not list (a user rule), and tells flags apart', () => {
    const user = /^Sponsored by [A-Z][a-z]+$/u
    expect(tableNeedlesOf(user)).toEqual(needlesOf(user))
    const needles = tableNeedlesOf(user) ?? []
    expect(needles.length).toBeGreaterThan(0)
    for (const needle of needles) expect('Sponsored by Acme').toContain(needle)
    // Same source, case-insensitive: no needles (case folding is not followed).
    expect(tableNeedlesOf(/^Sponsored by [A-Z][a-z]+$/iu)).toBeUndefined()
  })

  it('is the file the build wrote (dist/, built by `pretest`)', () => {
    const built = new URL('../dist/plugins/data/boilerplate-needles.json', import.meta.url)
    const written: unknown = JSON.parse(readFileSync(built, 'utf8'))
    expect(written).toEqual(JSON.parse(JSON.stringify(buildNeedleTable(shipped))))
  })
})
