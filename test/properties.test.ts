/**
 * Properties of the whole clean + normalise chain on generated text.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'

// Ordinary news prose. Capitalised words, all-caps words and `MORE` are in
// it, but each capitalised word at most once a paragraph: a surname repeated
// after a full name and followed by `MORE` is exactly what a card looks like.
const capitalised = [
  'Monday',
  'Mayor',
  'Hale',
  'Tom',
  'Thomas',
  'Rosa',
  'Diaz',
  'MORE',
  'Act',
  'NASA',
  'U.S.',
  'Jr.',
  '(D-Ore.)',
  'Read',
  'Related:',
  'Hill',
  'O’Brien',
  'Ocasio-Cortez',
  'McCain',
  '“We',
  'The',
]
const lowercase = [
  'the',
  'council',
  'said',
  'on',
  'that',
  'it',
  'would',
  'vote',
  'more',
  'budget',
  'said:',
  'wait”',
  'and',
  'of',
  '2021',
  '6',
  'p.m.',
  '—',
  '…',
  'read',
  'mayor',
]
const gap = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', '  ', '\u00a0', ' \t ')
const paragraph = fc
  .tuple(
    fc.shuffledSubarray(capitalised),
    fc.array(fc.tuple(fc.constantFrom(...lowercase), gap), {maxLength: 30}),
    gap,
  )
  .map(([caps, rest, capGap]) => {
    const parts: string[] = []
    for (let i = 0; i < Math.max(caps.length, rest.length); i++) {
      const cap = caps[i]
      const word = rest[i]
      if (cap) parts.push(cap + capGap)
      if (word) parts.push(word[0] + word[1])
    }
    return parts.join('')
  })
const prose = fc
  .array(fc.tuple(paragraph, fc.constantFrom('\n\n', '\n\n\n\n', ' \n \n')), {maxLength: 4})
  .map((paragraphs) => paragraphs.map(([text, separator]) => text + separator).join(''))

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

describe('clean()', () => {
  it('is idempotent: cleaning cleaned text changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(prose, fc.string({unit: 'grapheme', maxLength: 300})), (text) => {
        const once = clean(text, {score: false}).text
        expect(clean(once, {score: false}).text).toBe(once)
      }),
      {numRuns: 300},
    )
  })

  it('leaves text without artifacts unchanged but for whitespace', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const record = clean(text, {score: false})
        expect(record.removed).toEqual([])
        expect(squash(record.text)).toBe(squash(text))
      }),
      {numRuns: 300},
    )
  })

  it('reports removed spans that lie inside the input and match it', () => {
    const card = fc
      .tuple(
        fc.constantFrom('Tom Hale', 'Rosa Diaz', 'Ann Marsh'),
        fc.constantFrom('Edward', 'Maria', 'Louise'),
        prose,
      )
      .map(([name, middle, headline]) => {
        const [first, last] = name.split(' ')
        return `Mayor ${name}${first} ${middle} ${last}${headline.replace(/\s+/g, ' ')} MORE said`
      })
    fc.assert(
      fc.property(prose, card, prose, (before, blurb, after) => {
        const text = `${before}${blurb} ${after}`
        const record = clean(text, {score: false})
        for (const removal of record.removed) {
          expect(removal.start).toBeGreaterThanOrEqual(0)
          expect(removal.end).toBeLessThanOrEqual(text.length)
          expect(text.slice(removal.start, removal.end)).toBe(removal.text)
        }
      }),
      {numRuns: 200},
    )
  })
})
