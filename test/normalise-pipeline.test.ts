import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'

const seed = (name: string): string =>
  readFileSync(new URL(`./fixtures/seed/${name}`, import.meta.url), 'utf8')

const straighten = (text: string): string => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')

describe('normalisers in the pipeline', () => {
  it('leave the seed article to the whitespace rules under `preserve`', () => {
    const record = clean(seed('raw.txt'), {score: false})
    expect(`${record.text}\n`).toBe(seed('expected-clean.txt'))
    const sources = new Set(record.changes.map((change) => change.source))
    expect([...sources]).toEqual(['normalise-whitespace'])
  })

  it('curl only the quotes of the seed article under `curly`', () => {
    const gold = seed('expected-clean.txt')
    const record = clean(seed('raw.txt'), {score: false, quotes: 'curly'})
    expect(`${record.text}\n`).not.toBe(gold)
    expect(straighten(`${record.text}\n`)).toBe(straighten(gold))
    expect(record.text).not.toMatch(/["']/)
    const curled = record.changes.filter((change) => change.source === 'normalise-punctuation')
    expect(curled.length).toBeGreaterThan(0)
    for (const change of curled) expect(change.before).toMatch(/^["']$/)
  })

  it('straighten quotes under `straight`', () => {
    const record = clean('The mayor’s “plan” — again…', {score: false, quotes: 'straight'})
    expect(record.text).toBe(`The mayor's "plan" -- again...`)
  })

  it('repair before the cleaners, with offsets into the input', () => {
    const input =
      'Sen. Jane RoeJane Ellen RoeSenate panel advances bill MORE (D-Ore.) said the cafÃ© &amp; bar\u200B reopened.'
    const record = clean(input, {score: false})
    expect(record.text).toBe('Sen. Jane Roe (D-Ore.) said the café & bar reopened.')
    expect(record.removed).toHaveLength(1)
    for (const change of record.changes) {
      expect(input.slice(change.start, change.end)).toBe(change.before)
    }
    expect(record.changes.map((change) => change.source).sort()).toEqual([
      'decode-entities',
      'normalise-unicode',
      'repair-mojibake',
    ])
  })

  it('change nothing in a dry run, and list what they would change', () => {
    const input = 'The cafÃ© said &quot;yes&quot; .'
    const record = clean(input, {score: false, dryRun: true, quotes: 'curly'})
    expect(record.text).toBe(input)
    expect(record.changes.length).toBeGreaterThanOrEqual(3)
  })
})
