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

const variants: Array<[string, string, string]> = [
  [
    'an all-caps MORE link line',
    'The plan passed.\n\nMORE: Senate panel advances farm bill\n\nIt now goes to the House.',
    'The plan passed.\n\nIt now goes to the House.',
  ],
  [
    'an image caption without its copyright label',
    'Image caption Ms Green spoke at the hearing The inquiry will report next year.',
    'The inquiry will report next year.',
  ],
  [
    'an all-caps publisher around an aggregator title',
    'KXTV Council approves new park plan for east side KXTV The city council voted on Tuesday.',
    'The city council voted on Tuesday.',
  ],
  [
    'a wire code without its label',
    'Shares fell. [nL1N2AB3CD]\n\nTrading was thin.',
    'Shares fell.\n\nTrading was thin.',
  ],
  [
    'a pipe credit without a photographer',
    'The senator speaks on Monday. | Getty Images The senator said talks had stalled.',
    'The senator said talks had stalled.',
  ],
  [
    'a tweet attribution with a day-first date',
    'Fans cheered.\n\nWhat a night! pic.twitter.com/Zx98Yw76\n\n— Club News (@clubnews) 4 June 2021\n\nThe parade is on Saturday.',
    'Fans cheered.\n\nThe parade is on Saturday.',
  ],
  [
    'a caption ending in a USA Today credit',
    'Rain fell.\n\nA crew clears a road in Denver. (Photo: Jo Park/USA TODAY)\n\nCrews worked late.',
    'Rain fell.\n\nCrews worked late.',
  ],
  [
    'a photographer line',
    'Rain fell.\n\nPhoto: Jo Park\n\nCrews worked late.',
    'Rain fell.\n\nCrews worked late.',
  ],
  [
    'an affiliate note in another wording',
    'The kettle costs $30.\n\nWe may earn a commission from links on this page.',
    'The kettle costs $30.',
  ],
]

describe('remove-boilerplate: variants of the shapes', () => {
  for (const [name, input, output] of variants) {
    it(name, () => {
      expect(clean(input).text).toBe(output)
    })
  }

  it('keeps an all-caps MORE line that is a sentence', () => {
    const input = 'The plan passed.\n\nMORE: The committee also voted to delay.\n\nIt goes on.'
    expect(clean(input).text).toBe(input)
  })

  it('keeps a company named twice in a wire lead', () => {
    for (const input of [
      'Acme Tool Co said its Acme Credit unit would raise its rates by half a point.',
      'Norland Shipping Corp Ltd said that Norland Shipping Lines would be sold.',
      "Baxter Mills Inc's Baxter Paper unit cut jobs, the company said.",
    ]) {
      expect(clean(input).text).toBe(input)
    }
  })

  it('keeps a first word repeated in prose', () => {
    const input = 'Senate Republicans blocked the bill in the Senate Tuesday, aides said.'
    expect(clean(input).text).toBe(input)
  })
})

describe('remove-boilerplate: embedded tweets', () => {
  it('keeps the paragraph before a short tweet', () => {
    const input =
      'The race was moved to June.\n\nBig news! pic.twitter.com/Ab12Cd34\n\n— Speedway News (@speedwaynews) May 2, 2020'
    expect(clean(input).text).toBe('The race was moved to June.')
  })

  it('takes the paragraph before a last line of only a label and links', () => {
    const input =
      'The course is ready.\n\nA quiet morning on the first green.\n\nGallery: https://t.co/Ab12Cd34 pic.twitter.com/Ef56Gh78\n\n— Valley Golf (@valleygolf) April 6, 2020\n\nPlay starts on Thursday.'
    expect(clean(input).text).toBe('The course is ready.\n\nPlay starts on Thursday.')
  })
})

describe('remove-boilerplate: widget title in another script', () => {
  it('goes above English text, read as Cyrillic or as Latin-1 mojibake', () => {
    expect(clean('Новости дня\n\nThe fair opens on Friday.').text).toBe('The fair opens on Friday.')
    expect(clean('Íîâîñòè äíÿ\n\n\nThe fair opens on Friday.').text).toBe(
      'The fair opens on Friday.',
    )
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
