/**
 * Properties of the repair and normalise presets together: normalising twice
 * equals normalising once, whatever the input, and real text in many scripts
 * passes through unchanged.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {normalise, repair} from '../pipeline/presets.js'
import normalisePunctuation from '../plugins/normalise-punctuation.js'
import {runPlugins} from './normalise-helpers.js'

const chain = (policy: string) => [repair, normalise, [normalisePunctuation, {policy}]] as never[]
const normaliseText = (text: string, policy = 'preserve') => runPlugins(chain(policy), text).text

/** Pieces that the normalisers act on, mixed with random text. */
const tricky = [
  'â€™',
  'Ã©',
  'Ã',
  'â€',
  'Â',
  'Ã¢â‚¬â„¢',
  'Ïðèâåò',
  'ÐŸ',
  '&amp;',
  '&amp;amp;',
  '&#8217;',
  '&#38;',
  '&',
  '&nbsp;',
  '#',
  ';',
  'amp;',
  '\u200B',
  '\u200D',
  '\u200C',
  '\u00AD',
  '\u00A0',
  '\uFEFF',
  '\u0301',
  '\uFB01',
  '\uD800',
  '\uDC00',
  '"',
  "'",
  '--',
  '...',
  '. . .',
  '“',
  '’',
  '—',
  '…',
  ' ',
  '  ',
  '\n',
  '\n\n\n',
  '\t',
  '\r\n',
  ' ,',
  ' .',
  '👩‍💻',
  '🇺🇦',
  'é',
  'e',
  'a',
  'N',
  '9',
  'n',
  'Ä',
  '…”',
]

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...tricky),
      fc.string({unit: 'binary', maxLength: 6}),
      fc.string({unit: 'grapheme', maxLength: 6}),
    ),
    {maxLength: 24},
  )
  .map((parts) => parts.join(''))

describe('normalising is idempotent', () => {
  for (const policy of ['preserve', 'straight', 'curly']) {
    it(`over random unicode strings (${policy})`, () => {
      fc.assert(
        fc.property(text, (input) => {
          const once = normaliseText(input, policy)
          expect(normaliseText(once, policy)).toBe(once)
        }),
        {numRuns: 300},
      )
    })
  }
})

describe('real text passes unchanged (preserve)', () => {
  const samples = [
    'Zoë Brontë met José Martínez, Björn Ångström and Antonín Dvořák in Kraków.',
    'Nguyễn Thị Minh Khai, Søren Kierkegaard, Łukasz Żuk, İlhan Yılmaz and Þóra.',
    'قال الرئيس يوم الثلاثاء إن المحادثات ستستمر.',
    'ראש העיר אמר ביום שלישי כי הכביש ייפתח מחדש.',
    '東京都は火曜日、新しい交通計画を発表した。서울시는 수요일에 예산을 승인했다.',
    'The team celebrated 🎉 with the family 👨‍👩‍👧‍👦, the coder 👩🏽‍💻 and 🏳️‍🌈 flags.',
    'Prices rose 5% to £12.50 (€14) at 30°C — “a record,” the mayor’s office said…',
  ]
  it.each(samples)('%s', (sample) => {
    const {text: output, file} = runPlugins(chain('preserve'), sample)
    expect(output).toBe(sample)
    expect(file.data.changes ?? []).toHaveLength(0)
  })

  it('for any string of letters, digits and single spaces', () => {
    const word = fc.stringMatching(/^[\p{L}\p{N}]{1,8}$/u)
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 8}), (words) => {
        const input = words.join(' ').normalize('NFC')
        // Letters that are also mojibake evidence are covered by the fixture tests.
        fc.pre(!/[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192]/u.test(input))
        // Presentation forms (`ﬀ`, full-width letters) are changed on purpose.
        fc.pre(input === input.normalize('NFKC'))
        expect(normaliseText(input)).toBe(input)
      }),
      {numRuns: 200},
    )
  })
})
