/**
 * remove-boilerplate: variants of the shapes in the registry (other labels,
 * dates, credits and wordings), embedded tweets, and widget titles in another
 * script. All text is written for copydesk.
 */
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import removeBoilerplate from '../plugins/remove-boilerplate.js'

function clean(text: string): {text: string} {
  const processor = retext().use(removeBoilerplate)
  const file = new VFile(text)
  const tree = processor.runSync(processor.parse(file) as Root, file)
  return {text: String(processor.stringify(tree as Root, file))}
}

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
