import type {Root} from 'nlcst'
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {defaultLexicon, documentSignals} from '../plugins/util/neutrality-document.js'
import {categories} from '../plugins/util/neutrality-lexicon.js'
import {featureVector, shippedModel, weightOf} from '../plugins/util/neutrality-model.js'
import {documentNeutrality, withSentenceNeutrality} from '../plugins/util/neutrality-record.js'
import type {Signal} from '../plugins/util/neutrality-signals.js'

const parser = retext()

function signalsOf(text: string): Signal[] {
  return documentSignals(parser.parse(text) as Root, defaultLexicon(), text).flatMap(
    (sentence) => sentence.signals,
  )
}

const found = (text: string) =>
  signalsOf(text).map(
    (signal) => `${signal.category}:${signal.text}${signal.quoted ? ' (quoted)' : ''}`,
  )

describe('quotation marks', () => {
  it('reads curly, single and angle quotes as quotation', () => {
    expect(found('The board said: “The outcome is disgraceful.”')).toContain(
      'strong-subjective:disgraceful (quoted)',
    )
    expect(found('The board said: «The outcome is disgraceful.»')).toContain(
      'strong-subjective:disgraceful (quoted)',
    )
    expect(found("The board said: 'The outcome is disgraceful.'")).toContain(
      'strong-subjective:disgraceful (quoted)',
    )
    expect(found('The board said: ‘The outcome is disgraceful.’')).toContain(
      'strong-subjective:disgraceful (quoted)',
    )
  })

  it('calls a short quotation in running text a scare quote, in any quote style', () => {
    expect(found('The firm sold “premium” water at twice the price.')).toContain(
      'scare-quote:“premium”',
    )
    expect(found('The firm sold ‘premium’ water at twice the price.')).toContain(
      'scare-quote:‘premium’',
    )
  })

  it('does not call a long or complete quotation a scare quote', () => {
    const long = found(
      'The firm sold what it called "water from a mountain spring" at twice the price.',
    )
    expect(long.some((item) => item.startsWith('scare-quote'))).toBe(false)
    const complete = found('Her answer was "No." and the hearing ended.')
    expect(complete.some((item) => item.startsWith('scare-quote'))).toBe(false)
  })

  it('leaves a plural possessive apostrophe alone', () => {
    expect(found("The players' union called the offer disgraceful.")).toContain(
      'strong-subjective:disgraceful',
    )
  })
})

describe('word matching', () => {
  it('looks words up without a possessive ending', () => {
    expect(found('The regime’s budget grew.')).toContain('loaded-label:regime’s')
  })

  it('does not match a phrase across punctuation', () => {
    expect(found('Some, say the organisers, will stay.')).not.toContain('vague-source:Some, say')
  })

  it('takes -ly adverbs but not capitalised names or listed exceptions', () => {
    expect(found('The clerk curtly refused the form.')).toContain('manner-adverb:curtly')
    expect(found('The clerk met Reilly on the pier.')).not.toContain('manner-adverb:Reilly')
    expect(found('The clerk reportedly refused the form.')).not.toContain(
      'manner-adverb:reportedly',
    )
  })

  it('counts words with digits as specific detail', () => {
    expect(found('Exports rose 4.5% to $12 billion in 2024.')).toEqual(
      expect.arrayContaining(['specific-detail:4.5', 'specific-detail:2024']),
    )
  })
})

describe('model and record helpers', () => {
  it('counts quoted signals at the quote factor', () => {
    const signals = signalsOf('The mayor slammed the plan. She said: "It was slammed by all."')
    const vector = featureVector(signals, 0.5)
    expect(vector[categories.indexOf('loaded-attribution')]).toBe(1.5)
  })

  it('weighs a quoted signal at the model quote factor', () => {
    const [signal] = signalsOf('"We were slammed," she said.').filter(
      (item) => item.category === 'loaded-attribution',
    )
    if (!signal) throw new Error('no signal')
    const full = shippedModel.weights['loaded-attribution'] ?? 0
    expect(weightOf(signal, shippedModel)).toBeCloseTo(full * shippedModel.quoteWeight, 3)
    expect(weightOf(signal, {...shippedModel, quoteWeight: 0})).toBe(0)
  })

  it('gives `null` and unchanged sentences without a neutrality report', () => {
    expect(documentNeutrality(undefined)).toBeNull()
    const sentences = [{start: 0, end: 5}]
    expect(withSentenceNeutrality(sentences, undefined)).toEqual(sentences)
  })
})
