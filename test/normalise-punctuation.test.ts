import {describe, expect, it} from 'vitest'
import normalisePunctuation from '../plugins/normalise-punctuation.js'
import {findStraightEdits} from '../plugins/util/punctuation.js'
import {runPlugins, timed} from './normalise-helpers.js'

const withPolicy = (policy: string, text: string) =>
  runPlugins([[normalisePunctuation, {policy}] as never], text)

describe('normalise-punctuation: preserve (default)', () => {
  it('changes nothing', () => {
    const input = `He said "it's fine" -- and left... “Yes,” she said — ‘no’…`
    const {text, file} = runPlugins([normalisePunctuation], input)
    expect(text).toBe(input)
    expect(file.messages).toHaveLength(0)
  })
})

describe('normalise-punctuation: curly', () => {
  it.each([
    ['double quotes', 'She said "we won" today.', 'She said “we won” today.'],
    ['apostrophes in words', "The council's plan isn't ready.", 'The council’s plan isn’t ready.'],
    ['decades', "the '90s and the '60s", 'the ’90s and the ’60s'],
    ['elisions', "rock 'n' roll, 'tis true, get 'em", 'rock ’n’ roll, ’tis true, get ’em'],
    [
      'nested quotes',
      `He said, "'Go home' was all she wrote."`,
      'He said, “‘Go home’ was all she wrote.”',
    ],
    ['plural possessive', "the voters' choice", 'the voters’ choice'],
    ['two hyphens', 'the vote -- a close one -- passed', 'the vote — a close one — passed'],
    ['three dots', 'and then... nothing', 'and then… nothing'],
  ])('%s', (_, input, output) => {
    expect(withPolicy('curly', input).text).toBe(output)
  })

  it.each([
    ['feet and inches stay', `He is 6'2" tall`],
    ['four dots stay (an ellipsis and a stop)', 'It ended....'],
    ['spaced ellipses stay', 'wait . . . what'],
    ['curly text stays', 'Already “curly” and ’90s — fine…'],
  ])('%s', (_, input) => {
    expect(withPolicy('curly', input).text).toBe(input)
  })

  it('records each quote with its position', () => {
    const input = 'A "quote" here'
    const changes = withPolicy('curly', input).file.data.changes ?? []
    expect(changes.map((change) => [change.start, change.before, change.after])).toEqual([
      [2, '"', '“'],
      [8, '"', '”'],
    ])
  })
})

describe('normalise-punctuation: straight', () => {
  it('makes typographic punctuation ASCII', () => {
    const input = 'She said “it’s ‘fine’” — really… a 3–2 win «oui» „ja“'
    expect(withPolicy('straight', input).text).toBe(
      `She said "it's 'fine'" -- really... a 3-2 win "oui" "ja"`,
    )
  })

  it('leaves ASCII and other scripts alone', () => {
    const input = `Plain "ASCII" text -- with 'quotes'... and 東京「引用」`
    const {text, file} = withPolicy('straight', input)
    expect(text).toBe(input)
    expect(file.messages).toHaveLength(0)
  })

  it('scans ~1 MB in linear time', () => {
    const input = '“’—…'.repeat(250_000)
    const scan = timed(() => input.split('').length)
    expect(timed(() => findStraightEdits(input))).toBeLessThan(Math.max(2000, scan * 500))
  })
})
