/**
 * The lint rule registry against the pipeline and the README: every rule id
 * the plugins report has a row, and the README's rule table is the registry's.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'
import {lintRules, ruleById, rulesTable} from '../pipeline/lint/rules.js'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))

/** Every fixture input in the repository: the plugins' own cases and lint's. */
function inputs(): string[] {
  return readdirSync(fixtures, {recursive: true, encoding: 'utf8'})
    .filter((path) => path.endsWith('input.txt') || path.startsWith('lint/'))
    .map((path) => join(fixtures, path))
    .filter((path) => path.endsWith('.txt'))
}

describe('lint rule registry', () => {
  it('has a row for every rule id the pipeline reports on the fixtures', () => {
    const seen = new Map<string, string>()
    for (const path of inputs()) {
      for (const message of clean(readFileSync(path, 'utf8'), {dryRun: true}).messages) {
        if (message.ruleId) seen.set(message.ruleId, `${message.source} (${path})`)
      }
    }
    expect(seen.size).toBeGreaterThan(5)
    const missing = [...seen]
      .filter(([id]) => !ruleById(id))
      .map(([id, where]) => `${id}: ${where}`)
    expect(missing).toEqual([])
  })

  it('has unique ids, each with what it finds and an example', () => {
    const ids = lintRules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of lintRules) {
      expect(rule.finds.length, rule.id).toBeGreaterThan(10)
      expect(rule.example.length, rule.id).toBeGreaterThan(0)
    }
  })

  it('is documented in the README: a table row for every registered rule', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('## copydesk lint'))
    expect(section).toContain(rulesTable().split('\n').slice(0, 2).join('\n'))
    // Rows come from `copydesk lint --rules-table`; a new rule needs its row pasted in.
    const rows = new Set(
      section
        .split('\n')
        .map((line) => /^\| `([^`|]+)` \|/.exec(line)?.[1])
        .filter((id) => id !== undefined),
    )
    const undocumented = lintRules.map((rule) => rule.id).filter((id) => !rows.has(id))
    expect(undocumented).toEqual([])
  })
})
