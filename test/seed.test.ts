import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/seed/${name}`, import.meta.url), 'utf8')

describe('the seed article', () => {
  const raw = fixture('raw.txt')
  const record = clean(raw)

  it('cleans to the gold text byte for byte', () => {
    expect(`${record.text}\n`).toBe(fixture('expected-clean.txt'))
  })

  it('reports the four blurbs with their positions in the input', () => {
    const blurbs = record.removed.filter((removal) => removal.source === 'remove-hill-blurbs')
    expect(blurbs).toHaveLength(4)
    for (const blurb of blurbs) {
      expect(raw.slice(blurb.start, blurb.end)).toBe(blurb.text)
      expect(blurb.text.endsWith('MORE')).toBe(true)
    }
    expect(blurbs.map((blurb) => raw.slice(blurb.start - 6, blurb.start))).toEqual([
      ' Trump',
      'Pompeo',
      ' Putin',
      'ueller',
    ])
  })
})
