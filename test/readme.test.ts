/**
 * The README documents every plugin (one section each, STYLE.md §6) and the
 * commands a new user runs.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

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

  it('shows the set-up and the two commands', () => {
    for (const command of ['npm install', 'npm start', 'npm test'])
      expect(readme).toContain(command)
  })
})
