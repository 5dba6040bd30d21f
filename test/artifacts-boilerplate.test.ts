/**
 * remove-boilerplate: every registry rule on its own example, prose that looks
 * like boilerplate and must stay, and the options (rules by id, user rules,
 * dry run). All text is written for copydesk.
 */
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import removeBoilerplate, {type Options, type Rule} from '../plugins/remove-boilerplate.js'
import {registrySchema} from '../plugins/util/boilerplate-rules.js'
import '../plugins/util/data-map.js'

function clean(text: string, options?: Options, dryRun = false) {
  const processor = retext().use(removeBoilerplate, options)
  const file = new VFile(text)
  file.data.dryRun = dryRun
  const tree = processor.runSync(processor.parse(file) as Root, file)
  return {text: String(processor.stringify(tree as Root, file)), file}
}

const only = (id: string): Options => ({
  rules: Object.fromEntries(registry.rules.map((rule) => [rule.id, rule.id === id])),
})

describe('remove-boilerplate: the registry', () => {
  it('is valid data with unique ids, a source and an example per rule', () => {
    const parsed = registrySchema.parse(registry)
    const ids = parsed.rules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of parsed.rules) expect(rule.source.length).toBeGreaterThan(10)
  })

  for (const rule of registry.rules) {
    it(`${rule.id}: its example gives its expected text, alone`, () => {
      const {text, file} = clean(rule.example, only(rule.id))
      expect(text).toBe(rule.expected)
      expect(file.data.removed?.length).toBeGreaterThan(0)
      for (const removal of file.data.removed ?? []) {
        expect(removal.ruleId).toBe(rule.id)
        expect(rule.example.slice(removal.start, removal.end)).toBe(removal.text)
      }
    })
  }
})

const keeps: Array<[string, string]> = [
  [
    '"read more" inside prose',
    'Voters can read more about the plan online.\n\nRead more slowly, she said.',
  ],
  ['a related sentence', 'Related costs rose too.\n\nThe board met on Monday.'],
  ['the word advertisement in a sentence', 'The advertisement ran for a week.\n\nIt cost $4,000.'],
  ['an all-caps subhead', 'The plant closed in May.\n\nJOBS AT RISK\n\nWorkers asked for help.'],
  [
    'a title and a deck before the story',
    'Council backs new park plan for the east side\n\nVote comes after two years of talks\n\nThe council voted 7-2.',
  ],
  [
    'a tweet quoted without its link',
    'The coach wrote that the team was ready.\n\n— Lee Park (@leepark) May 2, 2020\n\nThe game starts at noon.',
  ],
  [
    'a name said twice at the start',
    'Mayor Lin Park said the bridge would open soon, and Mayor Lin Park Road will close.',
  ],
  [
    'a sentence about a photographer',
    'The photo by Dana Reyes won a prize last year, judges said on Friday.',
  ],
  [
    'one short paragraph between prose',
    'The bill passed the House on a vote of 220 to 210 on Friday.\n\nWhat happens next in the Senate\n\nThe Senate will take it up in June, leaders said.',
  ],
  [
    'a byline and dateline',
    'Storm hits coast\n\nBy Ana Ruiz\n\nMIAMI (AP) — The storm hit at dawn.',
  ],
  ['a copyright sentence in prose', 'The court said the copyright had run out in 1990.'],
  ['French with accents', 'Élan était là.\n\nThe café opened at noon.'],
  [
    'sentences that start like widgets',
    'Share prices fell on Monday.\n\nTags on the cattle are checked each spring.\n\nA post shared by the mayor on Facebook drew criticism.\n\nFollow the money, he said.',
  ],
  ['a Russian article', 'Новости дня\n\nСегодня в городе открылась ярмарка.'],
  [
    'Most Popular far from the end',
    `Most Popular\n\n${'The museum had its busiest year, officials said on Monday. '.repeat(30)}`,
  ],
]

describe('remove-boilerplate: prose that stays', () => {
  for (const [name, input] of keeps) {
    it(name, () => {
      expect(clean(input).text).toBe(input)
    })
  }
})

describe('remove-boilerplate: options', () => {
  const input = 'The vote was close.\n\nADVERTISEMENT\n\nLeaders said talks would go on.'

  it('switches a rule off by id', () => {
    expect(clean(input, {rules: {'advertisement-marker': false}}).text).toBe(input)
  })

  it('rejects an unknown rule id', () => {
    expect(() => clean(input, {rules: {'no-such-rule': false}})).toThrow(/unknown rule id/)
  })

  it('runs user rules in the registry format', () => {
    const rule: Rule = {
      id: 'station-promo',
      publisher: 'Channel 9',
      kind: 'line',
      description: 'station promo',
      pattern: 'Watch Channel 9 News at [0-9]{1,2}',
      confidence: 0.9,
      example: 'Watch Channel 9 News at 6',
      expected: '',
      source: 'a test rule',
    }
    const text = 'Rain is coming.\n\nWatch Channel 9 News at 6\n\nSchools may close.'
    const {text: output, file} = clean(text, {extraRules: [rule]})
    expect(output).toBe('Rain is coming.\n\nSchools may close.')
    expect(file.data.removed?.[0]?.ruleId).toBe('station-promo')
  })

  it('changes nothing with every rule switched off', () => {
    const off = Object.fromEntries(registry.rules.map((rule) => [rule.id, false]))
    const {text, file} = clean(input, {rules: off})
    expect(text).toBe(input)
    expect(file.messages).toEqual([])
  })

  it('rejects rules of a kind without the fields that kind needs', () => {
    const base = {...registry.rules[0], id: 'incomplete'} as Rule
    const {pattern: _pattern, ...noPattern} = base
    expect(() => clean(input, {extraRules: [noPattern as Rule]})).toThrow(/needs a pattern/)
    expect(() => clean(input, {extraRules: [{...base, kind: 'block'}]})).toThrow(/needs `until`/)
    expect(() => clean(input, {extraRules: [{...base, kind: 'tweet'}]})).toThrow(/needs `link`/)
    expect(() => clean(input, {extraRules: [{...base, id: 'advertisement-marker'}]})).toThrow(
      /duplicate rule id/,
    )
  })

  it('rejects a user rule with a bad pattern or a missing field', () => {
    const bad = {...registry.rules[0], id: 'bad', pattern: '(unclosed'} as Rule
    expect(() => clean(input, {extraRules: [bad]})).toThrow(/bad pattern/)
    const partial = {id: 'partial', kind: 'line'} as unknown as Rule
    expect(() => clean(input, {extraRules: [partial]})).toThrow()
  })

  it('lists what it would remove in a dry run and changes nothing', () => {
    const {text, file} = clean(input, undefined, true)
    expect(text).toBe(input)
    expect(file.data.removed?.map((removal) => [removal.ruleId, removal.text])).toEqual([
      ['advertisement-marker', 'ADVERTISEMENT\n\n'],
    ])
    const message = file.messages[0]
    expect(message?.source).toBe('remove-boilerplate')
    expect(message?.ruleId).toBe('advertisement-marker')
    expect(message?.actual).toBe('ADVERTISEMENT\n\n')
    expect(message?.expected).toEqual([''])
    expect((message as {confidence?: number} | undefined)?.confidence).toBe(0.98)
    expect(message?.place && 'start' in message.place ? message.place.start.offset : -1).toBe(21)
  })
})

describe('remove-boilerplate: tidy cuts', () => {
  it('keeps indentation and paragraph breaks around a removed line', () => {
    const input = 'One.\n    \n    Related: Bridge to close\n    \n    Two.'
    expect(clean(input).text).toBe('One.\n    \n    Two.')
  })

  it('takes the line break before a line removed inside a paragraph', () => {
    const input = 'One line.\nImage: a red barn at dusk\nAnother line.\n\nTwo.'
    expect(clean(input).text).toBe('One line.\nAnother line.\n\nTwo.')
  })

  it('takes the space before a code cut from a line', () => {
    expect(clean('Shares rose. [ID:nL2N0XY99Z] Trading was thin.').text).toBe(
      'Shares rose. Trading was thin.',
    )
  })
})
