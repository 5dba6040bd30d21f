/**
 * Every data file in plugins/data says what it is and where it comes from,
 * and so does every entry in its lists. (Each plugin's own tests check that
 * its examples are matched by its rules.)
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

const folder = new URL('../plugins/data/', import.meta.url)
const files = readdirSync(folder).filter((name) => name.endsWith('.json'))

describe.each(files)('plugins/data/%s', (name) => {
  const data = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Record<string, unknown>

  it('has a description and a source', () => {
    expect(typeof data.description).toBe('string')
    expect(String(data.description).length).toBeGreaterThan(10)
    expect(typeof data.source).toBe('string')
    expect(String(data.source).length).toBeGreaterThan(5)
  })

  const lists = Object.entries(data).filter(
    (entry): entry is [string, Array<Record<string, unknown>>] =>
      Array.isArray(entry[1]) && entry[1].some((item) => typeof item === 'object' && item !== null),
  )

  it.runIf(lists.length > 0)('has no empty list, a source per entry and no entry twice', () => {
    for (const [key, list] of lists) {
      expect(list.length, key).toBeGreaterThan(0)
      const seen = new Set<string>()
      for (const entry of list) {
        expect(typeof entry.source, `${key}: ${JSON.stringify(entry).slice(0, 80)}`).toBe('string')
        // The same rule may have several examples; the same rule with the same example is a slip.
        const identity = JSON.stringify([
          entry.id ?? entry.name ?? entry.character,
          entry.example ?? null,
        ])
        expect(seen.has(identity), `${key}: ${identity} twice`).toBe(false)
        seen.add(identity)
      }
    }
  })
})
