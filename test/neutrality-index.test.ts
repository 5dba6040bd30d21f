import type {Root, Sentence, SentenceContent} from 'nlcst'
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {defaultLexicon, documentSignals} from '../plugins/util/neutrality-document.js'
import {noList} from '../plugins/util/neutrality-index.js'
import {type Lexicon, normaliseWord, type PhraseTable} from '../plugins/util/neutrality-lexicon.js'
import {withSentenceNeutrality} from '../plugins/util/neutrality-record.js'
import type {NeutralityReport} from '../plugins/util/neutrality-types.js'
import {SentenceWords} from '../plugins/util/neutrality-words.js'

const lexicon = defaultLexicon()

/** What the plain string look-ups give: a lower-case `Map` key, a possessive tried bare. */
function plainLookUp(table: PhraseTable, word: string) {
  const norm = normaliseWord(word)
  return table.get(norm) ?? (norm.endsWith("'s") ? table.get(norm.slice(0, -2)) : undefined)
}

function plainSuffix(lexicon: Lexicon, word: string) {
  const norm = normaliseWord(word)
  return lexicon.suffixes.find(
    (rule) =>
      norm.length >= rule.minLength && norm.endsWith(rule.suffix) && !rule.exceptions.has(norm),
  )
}

/** The terms of the index's list `list`, spelled out as the phrase tables hold them. */
function listed(list: number | undefined) {
  if (list === undefined || list === noList) return undefined
  const {index} = lexicon
  const terms = []
  const from = index.listStarts[list] as number
  const to = index.listStarts[list + 1] as number
  for (let entry = from; entry < to; entry++) {
    const term = index.listTerms[entry] as number
    const ids = index.termWords.subarray(index.termStarts[term], index.termStarts[term + 1])
    const words = [...ids].map((id) => index.word(id))
    terms.push({...index.term(term), text: words.join(' '), words})
  }
  return terms
}

const spellings = [
  'said',
  'Said',
  'SAID',
  'claimed',
  'CLAIMED',
  "Government's",
  'government\u2019s',
  "critics'",
  'naïve',
  'NAÏVE',
  'İstanbul',
  'ﬁnally',
  'Clearly',
  'clearly',
  'only',
  'ONLY',
  'Kelly',
  'daily',
  'Q3',
  '2024',
  "'s",
  's',
  'a',
  'A',
  'some',
  'Some',
  'in',
  'zzyzx',
  'Ωmega',
  '',
]

describe('neutrality word index', () => {
  it('gives every spelling the terms, suffix rule and digit flag the plain string look-ups give', () => {
    const words = new SentenceWords()
    for (const spelling of spellings) {
      words.clear()
      words.add(spelling, undefined, false, false, lexicon)
      expect(listed(words.curated[0]), spelling).toEqual(plainLookUp(lexicon.curated, spelling))
      expect(listed(words.packaged[0]), spelling).toEqual(plainLookUp(lexicon.packaged, spelling))
      expect(words.suffix[0], spelling).toBe(plainSuffix(lexicon, spelling))
      expect(words.digit[0] === 1, spelling).toBe(/\d/.test(spelling))
      const first = spelling.charAt(0)
      expect(words.capitalised[0] === 1, spelling).toBe(first !== first.toLowerCase())
    }
  })

  it('finds a word whatever its case and apostrophe, and no word that no term has', () => {
    const words = new SentenceWords()
    for (const spelling of ['Allegedly', "critic's", 'CRITIC\u2019S', 'zzyzx', 'saidx']) {
      words.add(spelling, undefined, false, false, lexicon)
    }
    expect(words.ids[0]).toBeGreaterThanOrEqual(0)
    expect(words.ids[3]).toBe(-1)
    expect(words.ids[4]).toBe(-1)
    expect(words.ids[1]).toBe(words.ids[2])
  })
})

const parser = retext()

function found(text: string): string[] {
  return documentSignals(parser.parse(text) as Root, lexicon, text).flatMap((sentence) =>
    sentence.signals.map((signal) => `${signal.category}:${signal.text}`),
  )
}

describe('neutrality phrases', () => {
  it('matches a phrase from a long list of phrases sharing a first word', () => {
    expect(found('Some people have said the tunnel was never safe.')).toContain(
      'vague-source:Some people have said',
    )
    expect(found('Many critics argued the levy came too late.')).toContain(
      'vague-source:critics argued',
    )
  })

  it('does not join words across punctuation into a phrase', () => {
    const signals = found('Some people, they said, left early.')
    expect(signals.some((signal) => signal.startsWith('vague-source:Some people'))).toBe(false)
  })
})

/** A sentence node of `count` copies of `word`, spaced, with positions, built without the parser. */
function longSentence(word: string, count: number, between = ' '): Sentence {
  const children: SentenceContent[] = []
  let offset = 0
  const point = (at: number) => ({line: 1, column: at + 1, offset: at})
  for (let index = 0; index < count; index++) {
    const end = offset + word.length
    children.push({
      type: 'WordNode',
      children: [{type: 'TextNode', value: word}],
      position: {start: point(offset), end: point(end)},
    })
    children.push({
      type: 'PunctuationNode',
      value: between,
      position: {start: point(end), end: point(end + between.length)},
    })
    offset = end + between.length
  }
  return {type: 'SentenceNode', children}
}

describe('neutrality scan on adversarial input', () => {
  it('reads about a megabyte of phrase openers, quote marks and one huge word in linear time', () => {
    const inputs = [
      // `a` opens dozens of phrases; every word starts a failed phrase match.
      longSentence('a', 250_000, ' '),
      // Straight quotes open and close all along: every close tests for a scare quote.
      longSentence('so-called', 100_000, '"'),
      // One word of a megabyte: hashed and compared once.
      longSentence('x'.repeat(1_000_000), 1),
    ]
    for (const sentence of inputs) {
      const tree: Root = {
        type: 'RootNode',
        children: [{type: 'ParagraphNode', children: [sentence]}],
      }
      const started = performance.now()
      const [scan] = documentSignals(tree, lexicon, '')
      const elapsed = performance.now() - started
      expect(scan?.words).toBe(sentence.children.length / 2)
      // Generous: a linear scan takes a few tens of milliseconds; a quadratic one, minutes.
      expect(elapsed).toBeLessThan(5000)
    }
  })
})

describe('neutrality record', () => {
  const report = (sentences: {start: number; end: number}[]): NeutralityReport => ({
    score: 90,
    verdict: 'neutral',
    signals: [],
    sentences: sentences.map((span, index) => ({...span, score: index, signals: []})),
  })

  it('joins sentences by their offsets, beyond the packed range too', () => {
    const far = 2 ** 22
    const spans = [
      {start: 0, end: 12},
      {start: 12, end: 40},
      {start: far, end: far + 9},
    ]
    const joined = withSentenceNeutrality(
      [...spans, {start: 12, end: 41}],
      report([spans[2], spans[0], spans[1]] as {start: number; end: number}[]),
    )
    expect(joined.map((item) => item.neutrality?.score)).toEqual([1, 2, 0, undefined])
    expect(joined[0]).not.toBe(spans[0])
  })

  it('joins sentences in text order as the map does: equal offsets take the last scored', () => {
    const scored = report([
      {start: 0, end: 5},
      {start: 5, end: 5},
      {start: 5, end: 5},
      {start: 5, end: 9},
    ])
    const spans = [
      {start: 0, end: 5},
      {start: 5, end: 5},
      {start: 5, end: 9},
      {start: 5, end: 9},
      {start: 9, end: 12},
    ]
    const joined = withSentenceNeutrality(spans, scored)
    expect(joined.map((item) => item.neutrality?.score)).toEqual([0, 2, 3, 3, undefined])
    // The same sentences out of order go through the map, with the same answer.
    const shuffled = {...scored, sentences: [...scored.sentences].reverse()}
    const viaMap = withSentenceNeutrality(spans, shuffled)
    expect(viaMap.map((item) => item.neutrality?.score)).toEqual([0, 1, 3, 3, undefined])
  })

  it('copies each sentence as a spread would: same keys, same order, the prototype untouched', () => {
    const scored = report([
      {start: 0, end: 5},
      {start: 5, end: 9},
      {start: 9, end: 14},
    ])
    const spans = [
      {start: 0, end: 5, text: 'Hello', why: ['short']},
      // An item that has a `neutrality` key already keeps it in place, with the new value.
      {start: 5, end: 9, neutrality: 'old', text: 'Then'},
      // JSON gives an own `__proto__` key: copied as a key, never as the prototype.
      JSON.parse('{"start": 9, "end": 14, "__proto__": {"polluted": true}}'),
    ]
    const joined = withSentenceNeutrality(spans, scored)
    joined.forEach((item, index) => {
      const neutrality = {score: index, signals: []}
      expect(JSON.stringify(item)).toBe(JSON.stringify({...spans[index], neutrality}))
      expect(Object.keys(item)).toEqual(Object.keys({...spans[index], neutrality}))
      expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
    })
    expect(joined[0]?.why).toBe(spans[0]?.why)
  })
})
