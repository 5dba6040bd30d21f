/**
 * The Hill's hover cards in every shape seen in scraped text, written for
 * copydesk (invented people and headlines), and the look-alikes that must stay.
 */
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import data from '../plugins/data/remove-hill-blurbs.json' with {type: 'json'}
import removeHillBlurbs from '../plugins/remove-hill-blurbs.js'
import removeTruncationMarkers from '../plugins/remove-truncation-markers.js'
import '../plugins/util/data-map.js'

const processor = retext().use(removeHillBlurbs).use(removeTruncationMarkers).freeze()

function clean(text: string, dryRun = false) {
  const file = new VFile(text)
  file.data.dryRun = dryRun
  const tree = processor.runSync(processor.parse(file) as Root, file)
  return {text: String(processor.stringify(tree as Root, file)), file}
}

const removes: Array<[string, string, string]> = [
  [
    'glued card with a middle name',
    'Governor Ada QuinnAda Mae QuinnQuinn signs water bill Budget talks stall in state house MORE said on Friday.',
    'Governor Ada Quinn said on Friday.',
  ],
  [
    'same name repeated',
    'Senator Rob FieldRob FieldField backs farm aid plan MORE spoke first.',
    'Senator Rob Field spoke first.',
  ],
  [
    'spaced shown name and full name',
    'Secretary Tom Abel Thomas (Tom) Joseph Abel Abel meets allies in Rome MORE says the deal holds.',
    'Secretary Tom Abel says the deal holds.',
  ],
  [
    'space after the full name',
    'Mayor Lin ParkLin Jo Park Park opens new bridge MORE toured the site.',
    'Mayor Lin Park toured the site.',
  ],
  [
    'nickname in parentheses, glued',
    'Senator Bo CraneRobert (Bo) Allen CraneCrane blocks nominee MORE (R-Ark.) objected.',
    'Senator Bo Crane (R-Ark.) objected.',
  ],
  [
    'hyphenated surname',
    'Rep. Mia Ortiz-LangMia Ortiz-LangOrtiz-Lang wins primary MORE (D-N.M.) voted no.',
    'Rep. Mia Ortiz-Lang (D-N.M.) voted no.',
  ],
  [
    'apostrophe in the surname',
    "Rep. Sean O'NeilSean Patrick O'NeilO'Neil files ethics complaint MORE (D-Mass.) left early.",
    "Rep. Sean O'Neil (D-Mass.) left early.",
  ],
  [
    'initials in the full name',
    'Former President Sam WardSamuel H.W. WardWard library opens MORE spoke.',
    'Former President Sam Ward spoke.',
  ],
  [
    'lowercase particle in the full name',
    'Mayor Ana de SouzaAna Lucia de SouzaSouza opens new clinic MORE spoke.',
    'Mayor Ana de Souza spoke.',
  ],
  [
    'shown name differs from the full name',
    'Rep. Will HartWilliam Ross HartHart retires from House MORE (R-Ohio) said.',
    'Rep. Will Hart (R-Ohio) said.',
  ],
  [
    'Jr. in the shown and full name',
    'Aide Carl Dunn Jr.Carl Victor Dunn Jr.Dunn testifies behind closed doors MORE arrived late.',
    'Aide Carl Dunn Jr. arrived late.',
  ],
  [
    'headline starting with a quote',
    "Governor Ada QuinnAda Mae Quinn'We will not wait': Quinn sets deadline MORE said.",
    'Governor Ada Quinn said.',
  ],
  [
    'glued headline starting with a quote and a lowercase word',
    "Governor Ada QuinnAda Mae Quinn'so far, so good': Quinn on budget MORE said.",
    'Governor Ada Quinn said.',
  ],
  [
    'possessive after MORE (straight)',
    "It was Senator Rob FieldRob FieldField backs farm aid plan MORE's idea.",
    "It was Senator Rob Field's idea.",
  ],
  [
    'possessive after MORE (curly)',
    'It was Senator Rob FieldRob FieldField backs farm aid plan MORE’s idea.',
    'It was Senator Rob Field’s idea.',
  ],
  [
    'card at the very end',
    'The plan came from Governor Ada QuinnAda Mae QuinnQuinn signs water bill MORE',
    'The plan came from Governor Ada Quinn',
  ],
  [
    'empty card followed by a comma',
    'Aides to Mayor Lin ParkLin Jo ParkMORE, and others left.',
    'Aides to Mayor Lin Park, and others left.',
  ],
  [
    'two cards in one sentence',
    'Rep. Will HartWilliam Ross HartHart retires MORE and Senator Rob FieldRob FieldField backs farm aid MORE met.',
    'Rep. Will Hart and Senator Rob Field met.',
  ],
  [
    'card inside a pipe-separated headline list',
    'Morning list: Rain in the east | Mayor Lin ParkLin Jo ParkPark opens new bridge MORE resigns | Trains late',
    'Morning list: Rain in the east | Mayor Lin Park resigns | Trains late',
  ],
  [
    'card cut by a truncation marker',
    'Governor Ada QuinnAda Mae QuinnQuinn signs water billBudget talks st… [+1804 chars]',
    'Governor Ada Quinn',
  ],
  [
    'truncation inside the word MORE',
    'Governor Ada QuinnAda Mae QuinnQuinn signs water billBudget talks stall MO… [+2210 chars]',
    'Governor Ada Quinn',
  ],
  [
    'all-caps headline with MORE inside the card',
    'Senator Rob FieldRob FieldFARM NEWS: MORE THAN 100 GROUPS SIGN LETTER MORE said.',
    'Senator Rob Field said.',
  ],
  [
    'punctuation glued to MORE',
    'Senator Rob FieldRob FieldIs the farm bill dead?MORE said no.',
    'Senator Rob Field said no.',
  ],
]

describe('remove-hill-blurbs: cards that go', () => {
  for (const [name, input, output] of removes) {
    it(name, () => {
      const {text, file} = clean(input)
      expect(text).toBe(output)
      for (const removal of file.data.removed ?? []) {
        expect(input.slice(removal.start, removal.end)).toBe(removal.text)
        expect(removal.confidence).toBeGreaterThan(0.8)
      }
    })
  }
})

const keeps: Array<[string, string]> = [
  [
    'the MORE Act',
    'The House passed the MORE Act, and the Senate may take up MORE (Marijuana) reform.',
  ],
  ['lowercase more', 'Senator Rob FieldRob Field wants more money for roads, and more time.'],
  [
    'names glued by lost punctuation, no card',
    'Guests included Donald TrumpDonald Trump Jr., Jared Kushner and others.',
  ],
  [
    'glued names then prose, then the MORE Act',
    'Guests included Rob FieldRob Field who spoke about the MORE Act on Monday.',
  ],
  ['all-caps MORE inside a shout', 'READ MORE STORIES LIKE THIS ONE'],
  [
    'a spaced repeat with a possessive, then the MORE Act',
    "President Ray Dale Ray Dale's support for the MORE Act grew, and the MORE bill passed.",
  ],
  ['a known full name in prose', 'Rob Field Robert Allen Field served as mayor for ten years.'],
  [
    'an unclosed parenthesis after glued names',
    'Rob FieldRob (Bobby Field wins MORE said.\n\nRob FieldRob (the mayor) Field MORE said.',
  ],
  ['an all-caps headline with MORE inside', 'HEADLINE: MORE THAN 100 ARRESTED IN PROTEST'],
]

describe('remove-hill-blurbs: the examples in its data file', () => {
  for (const entry of data.entries) {
    it(entry.source, () => {
      expect(clean(entry.example).text).toBe(entry.expected)
    })
  }
})

describe('remove-hill-blurbs: look-alikes that stay', () => {
  for (const [name, input] of keeps) {
    it(name, () => {
      expect(clean(input).text).toBe(input)
    })
  }

  it('keeps a card from claiming a MORE across a paragraph break', () => {
    const input = 'Senator Rob FieldRob FieldField backs farm aid\n\nThe vote was the MORE bill.'
    expect(clean(input).text).toBe(input)
  })
})

describe('remove-truncation-markers: policy', () => {
  const input =
    'Governor Ada QuinnAda Mae QuinnQuinn signs water billBudget talks st… [+1804 chars]'
  const run = (policy: 'after-removal' | 'always' | 'never', text: string) => {
    const chain = retext().use(removeHillBlurbs).use(removeTruncationMarkers, {policy})
    const file = new VFile(text)
    const tree = chain.runSync(chain.parse(file) as Root, file)
    return {text: String(chain.stringify(tree as Root, file)), file}
  }

  it('never: keeps the marker after a removed card, with a warning', () => {
    const {text, file} = run('never', input)
    expect(text).toBe('Governor Ada Quinn… [+1804 chars]')
    expect(file.messages.at(-1)?.fatal).toBe(false)
  })

  it('always: removes a marker after prose too', () => {
    expect(run('always', 'The bill would pass before the sum… [+900 chars]').text).toBe(
      'The bill would pass before the sum',
    )
  })
})

describe('remove-hill-blurbs: reporting', () => {
  it('reports the card in dry-run mode and changes nothing', () => {
    const input = 'Rep. Will HartWilliam Ross HartHart retires from House MORE (R-Ohio) said.'
    const {text, file} = clean(input, true)
    expect(text).toBe(input)
    const message = file.messages[0]
    expect(message?.ruleId).toBe('hill-related-blurb')
    expect(message?.source).toBe('remove-hill-blurbs')
    expect(message?.actual).toBe('William Ross HartHart retires from House MORE')
    expect(message?.place && 'start' in message.place ? message.place.start.offset : -1).toBe(14)
  })

  it('reports a marker kept after prose as a warning', () => {
    const input = 'The governor said the water bill would pass before the sum… [+900 chars]'
    const {text, file} = clean(input)
    expect(text).toBe(input)
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['newsapi-truncation', false],
    ])
  })
})
