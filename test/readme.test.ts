/**
 * The README documents every plugin (one section each, STYLE.md §6) and the
 * commands a new user runs.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const plugins = readdirSync(new URL('../plugins/', import.meta.url))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3))

describe('README', () => {
  it.each(plugins)('has a section for the %s plugin with its options and messages', (plugin) => {
    const start = readme.indexOf(`\n### ${plugin}\n`)
    expect(start, `### ${plugin}`).toBeGreaterThan(-1)
    const end = readme.indexOf('\n### ', start + 1)
    const section = readme.slice(start, end === -1 ? undefined : end)
    expect(section.length).toBeGreaterThan(200)
  })

  it('tells the truth in its library example', () => {
    const example =
      /const record = clean\('([^']+)'\)\nrecord\.text +\/\/ '([^']+)'\nrecord\.removed +\/\/ \[\{ruleId: '([\w-]+)', source: '([\w-]+)', start: (\d+), end: (\d+), text: '([^']+)'/.exec(
        readme,
      )
    expect(example).not.toBeNull()
    const [, input = '', text, ruleId, source, start, end, removed] = example ?? []
    const record = clean(input)
    expect(record.text).toBe(text)
    expect(record.removed[0]).toMatchObject({
      ruleId,
      source,
      start: Number(start),
      end: Number(end),
      text: removed,
    })
  })

  it('shows the set-up and the two commands', () => {
    for (const command of ['npm install', 'npm start', 'npm test'])
      expect(readme).toContain(command)
  })
})
