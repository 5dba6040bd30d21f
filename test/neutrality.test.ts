import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'
import {toRecord} from '../pipeline/record.js'
import scoreNeutrality, {type Options} from '../plugins/score-neutrality.js'
import '../plugins/util/data-map.js'

function analyse(text: string, options?: Options) {
  const processor = retext().use(scoreNeutrality, options)
  const file = new VFile(text)
  processor.runSync(processor.parse(file) as Root, file)
  const neutrality = file.data.neutrality
  if (!neutrality) throw new Error('no neutrality report')
  return {file, neutrality, signals: neutrality.signals}
}

const categoriesOf = (text: string, options?: Options) =>
  analyse(text, options).signals.map((signal) => `${signal.category}:${signal.text}`)

describe('score-neutrality: signals', () => {
  it('finds loaded attribution and suggests `said`', () => {
    const {file, signals} = analyse('The governor claimed the new levy would pay for the bridge.')
    expect(signals.map((signal) => signal.category)).toContain('loaded-attribution')
    const message = file.messages.find((m) => m.ruleId === 'loaded-attribution')
    expect(message?.actual).toBe('claimed')
    expect(message?.expected).toEqual(['said'])
    expect(message?.source).toBe('score-neutrality')
  })

  it('tells the three kinds of attribution apart', () => {
    expect(categoriesOf('The auditor said the fund was short.')).toContain(
      'neutral-attribution:said',
    )
    expect(categoriesOf('The auditor revealed the fund was short.')).toContain(
      'presupposing-attribution:revealed',
    )
    expect(categoriesOf('The auditor insisted the fund was short.')).toContain(
      'loaded-attribution:insisted',
    )
  })

  it('scores words with many plain uses but does not lint them', () => {
    const {file, signals} = analyse('The shares fell only slightly after the claims were paid.')
    expect(signals.map((signal) => signal.text)).toEqual(expect.arrayContaining(['only', 'claims']))
    expect(file.messages).toEqual([])
  })

  it('suggests the neutral term for a one-sided label', () => {
    const {file} = analyse('Officials met the regime in Geneva on Monday.')
    const message = file.messages.find((m) => m.ruleId === 'loaded-label')
    expect(message?.expected).toEqual(['government'])
  })

  it('matches phrases as one signal, longest first', () => {
    const found = categoriesOf('Some argue that the port lashed out at the union.')
    expect(found).toContain('vague-source:Some argue')
    expect(found).toContain('loaded-attribution:lashed out')
  })

  it('finds scare quotes but not direct speech', () => {
    expect(categoriesOf('The agency hired new "experts" for the review.')).toContain(
      'scare-quote:"experts"',
    )
    const speech = categoriesOf('The mayor said, "We will rebuild the pier."')
    expect(speech.some((found) => found.startsWith('scare-quote'))).toBe(false)
  })

  it('counts first and second person only outside quotations', () => {
    expect(categoriesOf('We should all worry about the new tariff.')).toContain('personal-voice:We')
    expect(categoriesOf('The coach said, "We played well tonight."')).not.toContain(
      'personal-voice:We',
    )
  })

  it('finds exclamations and questions in running text', () => {
    expect(categoriesOf('And the council approved it anyway!')).toContain('exclamation:!')
    expect(categoriesOf('Who pays for the new stadium?')).toContain('rhetorical-question:?')
  })

  it('carries an open quotation into the next sentence of the paragraph', () => {
    const {signals} = analyse(
      'She said: "The plan is fine. It is also disgraceful." Then she left.',
    )
    const loaded = signals.find((signal) => signal.text === 'disgraceful')
    expect(loaded?.quoted).toBe(true)
  })

  it('closes quotations at a paragraph break', () => {
    const {signals} = analyse(
      'He wrote: "The deal is done.\n\nThe disgraceful delay cost millions.',
    )
    expect(signals.find((signal) => signal.text === 'disgraceful')?.quoted).toBe(false)
  })

  it('points every signal at its text in the input', () => {
    const text = 'Critics say the  so-called reform was a bizarre stunt by radical activists!'
    for (const signal of analyse(text).signals) {
      expect(text.slice(signal.start, signal.end)).toBe(signal.text)
    }
  })
})

describe('score-neutrality: scores', () => {
  it('scores a loaded sentence lower than its neutral rewrite', () => {
    const neutral = analyse('The senator said the budget was balanced.').neutrality
    const loaded = analyse(
      'The senator absurdly claimed the disastrous budget was totally balanced!',
    ).neutrality
    expect(loaded.score).toBeLessThan(neutral.score)
    expect(loaded.verdict).toBe('loaded')
    expect(neutral.verdict).toBe('neutral')
  })

  it('explains each sentence with its own signals and offsets in the cleaned text', () => {
    const text = 'The port said exports rose. The bizarre plan failed.'
    const {neutrality} = analyse(text)
    expect(neutrality.sentences).toHaveLength(2)
    const [first, second] = neutrality.sentences
    expect(text.slice(first?.start, first?.end)).toBe('The port said exports rose.')
    expect(second?.signals.map((signal) => signal.text)).toContain('bizarre')
    expect(second?.score).toBeLessThan(first?.score ?? 0)
  })

  it('gives an empty document a neutral score of 100', () => {
    expect(analyse('').neutrality).toMatchObject({score: 100, verdict: 'neutral', signals: []})
  })
})

describe('score-neutrality: options', () => {
  const quoted = 'The minister said: "This is a disgraceful, shameful stunt."'

  it('weighs quoted speech but does not lint it', () => {
    const {file, signals} = analyse(quoted)
    expect(signals.filter((signal) => signal.quoted).length).toBeGreaterThan(1)
    expect(file.messages.some((m) => m.actual === 'disgraceful')).toBe(false)
  })

  it('`quotes: false` drops quoted signals from the score', () => {
    const counted = analyse(quoted).neutrality
    const ignored = analyse(quoted, {quotes: false}).neutrality
    expect(ignored.signals.some((signal) => signal.quoted)).toBe(false)
    expect(ignored.score).toBeGreaterThan(counted.score)
  })

  it('switches categories off', () => {
    const text = 'The mayor claimed the bridge was safe.'
    expect(categoriesOf(text, {categories: {'loaded-attribution': false}})).not.toContain(
      'loaded-attribution:claimed',
    )
  })

  it('takes custom words with their alternatives', () => {
    const {file} = analyse('The delegation went on a junket to Rome.', {
      words: [{text: 'junket', category: 'loaded-label', alternative: 'trip'}],
    })
    expect(file.messages.find((m) => m.actual === 'junket')?.expected).toEqual(['trip'])
  })

  it('moves the verdict with the threshold', () => {
    const text = 'The senator claimed the budget was balanced.'
    expect(analyse(text, {threshold: 0}).neutrality.verdict).toBe('neutral')
    expect(analyse(text, {threshold: 100.5}).neutrality.verdict).toBe('loaded')
  })
})

describe('score-neutrality: robustness', () => {
  it('skips words without a position', () => {
    const processor = retext().use(scoreNeutrality)
    const file = new VFile('x')
    const tree: Root = {
      type: 'RootNode',
      children: [
        {
          type: 'ParagraphNode',
          children: [
            {
              type: 'SentenceNode',
              children: [{type: 'WordNode', children: [{type: 'TextNode', value: 'bizarre'}]}],
            },
          ],
        },
      ],
    }
    processor.runSync(tree, file)
    expect(file.data.neutrality?.signals).toEqual([])
    expect(file.data.neutrality?.sentences).toHaveLength(1)
  })

  it('handles about 1 MB of adversarial quotes, apostrophes and phrase prefixes in linear time', () => {
    // No sentence end: one 1 MB sentence of quote marks and phrase prefixes (`some`, `so`).
    const unit = `"a' 'so "called ' some some many ly lashed `
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length))
    const processor = retext().use(scoreNeutrality)
    const tree = processor.parse(text) as Root
    const file = new VFile(text)
    const started = performance.now()
    processor.runSync(tree, file)
    // A quadratic scan over 1 MB would take minutes; this bound is generous.
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(file.data.neutrality?.signals.length).toBeGreaterThan(1000)
  })
})

describe('score-neutrality in the record', () => {
  it('adds the document neutrality and merges sentence neutrality by offsets', () => {
    const text = 'The mayor said the pier reopened. Critics slammed the reckless plan!'
    const {file} = analyse(text)
    // Sentence items as score-readability writes them: same offsets, other fields.
    file.data.sentences = (file.data.neutrality?.sentences ?? []).map(({start, end}) => ({
      start,
      end,
      text: text.slice(start, end),
      words: 0,
      grade: null,
      hard: false,
      why: [],
    }))
    const record = toRecord(file, text)
    expect(record.neutrality?.verdict).toBe(file.data.neutrality?.verdict)
    expect(record.neutrality?.signals.map((signal) => signal.text)).toContain('slammed')
    expect(record.sentences).toHaveLength(2)
    expect(record.sentences[0]?.neutrality?.score).toBeGreaterThan(
      record.sentences[1]?.neutrality?.score ?? 100,
    )
    expect(record.sentences[1]?.neutrality?.signals.map((signal) => signal.text)).toContain(
      'reckless',
    )
    expect(record.messages.some((m) => m.ruleId === 'loaded-attribution')).toBe(true)
  })

  it('fills every sentence item of the full pipeline', () => {
    const record = clean(
      'The port said exports rose on Monday.\n\nCritics slammed the reckless plan!',
    )
    expect(record.neutrality?.signals.map((signal) => signal.text)).toContain('slammed')
    expect(record.sentences.length).toBeGreaterThan(1)
    for (const sentence of record.sentences) expect(sentence.neutrality).toBeDefined()
    expect(record.sentences.at(-1)?.neutrality?.signals.map((signal) => signal.text)).toContain(
      'reckless',
    )
  })

  it('leaves sentence items without a neutrality match unchanged', () => {
    const {file} = analyse('The pier reopened.')
    file.data.sentences = [
      {start: 3, end: 7, text: 'pier', words: 1, grade: null, hard: false, why: []},
    ]
    expect(toRecord(file, 'The pier reopened.').sentences[0]).not.toHaveProperty('neutrality')
  })
})
