import {describe, expect, it} from 'vitest'
import normaliseWhitespace, {findWhitespaceEdits} from '../plugins/normalise-whitespace.js'
import {runPlugins, timed} from './normalise-helpers.js'

const tidy = (text: string, options?: object) =>
  runPlugins([[normaliseWhitespace, options] as never], text)

describe('normalise-whitespace: space before punctuation', () => {
  it.each([
    ['The mayor , who spoke first , left .', 'The mayor, who spoke first, left.'],
    ['Is it true ? Yes !', 'Is it true? Yes!'],
    ['Three items : bread ; milk', 'Three items: bread; milk'],
    ['He said “no” .', 'He said “no”.'],
  ])('%s', (input, output) => {
    expect(tidy(input).text).toBe(output)
  })

  it.each([
    'He paused . . . and went on',
    'THE HEADLINE . . .',
    'The rate was .5 percent',
    'Built on .NET and shipped',
    'Great news :) really',
    'The score was 3 : 2 at half time',
    'Bonjour\u00a0! Ça va\u00a0?',
    '  indented line , stays indented at the start',
  ])('keeps %s', (input) => {
    expect(tidy(input).text).toBe(input.replace(' ,', ','))
  })

  it('can be switched off', () => {
    expect(tidy('left .', {spaceBeforePunctuation: false}).text).toBe('left .')
  })
})

describe('normalise-whitespace: joining wrapped lines', () => {
  const wrapped =
    'The council voted on Tuesday to approve the\nnew budget, which adds\n  twelve buses.\n\nA new paragraph.'

  it('is off by default', () => {
    expect(tidy(wrapped).text).toBe(wrapped)
  })

  it('joins a break before a lowercase letter', () => {
    expect(tidy(wrapped, {joinLines: true}).text).toBe(
      'The council voted on Tuesday to approve the new budget, which adds twelve buses.\n\nA new paragraph.',
    )
  })

  it.each([
    'Sincerely,\nJohn Smith',
    'The list:\n- bread\n- milk',
    'a well-\nknown name',
    'First line.\nSecond line.',
  ])('keeps %s', (input) => {
    expect(tidy(input, {joinLines: true}).text).toBe(input)
  })

  it('records the joins', () => {
    const {file} = tidy('approve the\nnew budget', {joinLines: true})
    expect(file.data.changes?.map((change) => [change.ruleId, change.before])).toEqual([
      ['joined-line', '\n'],
    ])
  })
})

describe('normalise-whitespace: speed', () => {
  it('scans ~1 MB of adversarial whitespace in linear time', () => {
    const settings = {
      maxBlankLines: 1,
      collapseSpaces: true,
      spaceBeforePunctuation: true,
      joinLines: true,
    }
    const inputs = [
      ' '.repeat(1_000_000),
      ' \n'.repeat(500_000),
      'a ,'.repeat(333_333),
      'a\nb'.repeat(333_333),
      '\u00a0\t \r\n'.repeat(250_000),
    ]
    for (const input of inputs) {
      const scan = timed(() => input.split(' ').length)
      expect(timed(() => findWhitespaceEdits(input, settings))).toBeLessThan(
        Math.max(2000, scan * 500),
      )
    }
  })
})
