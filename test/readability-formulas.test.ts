import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'
import {
  daleChallGrade,
  emptyCounts,
  median,
  scoreCounts,
} from '../plugins/util/readability-counts.js'

// Worked examples computed by hand from the published definitions (see the
// TSDoc of DocumentReadability for each formula and its source).
describe('formulas on given counts', () => {
  const counts = {
    ...emptyCounts(),
    sentences: 5,
    words: 100,
    syllables: 150,
    letters: 450,
    characters: 460,
    polysyllables: 12,
    complexWords: 10,
    difficultWords: 8,
    unfamiliarWords: 15,
  }
  const scores = scoreCounts(counts)

  it('Flesch Reading Ease: 206.835 − 1.015 × 20 − 84.6 × 1.5 = 59.635', () => {
    expect(scores.fleschReadingEase).toBeCloseTo(59.635, 1)
  })
  it('Flesch–Kincaid: 0.39 × 20 + 11.8 × 1.5 − 15.59 = 9.91', () => {
    expect(scores.fleschKincaidGrade).toBeCloseTo(9.91, 2)
  })
  it('Gunning Fog: 0.4 × (20 + 100 × 10/100) = 12', () => {
    expect(scores.gunningFog).toBeCloseTo(12, 2)
  })
  it('SMOG: 1.043 × √(12 × 30/5) + 3.1291 = 11.98', () => {
    expect(scores.smog).toBeCloseTo(11.98, 2)
  })
  it('Coleman–Liau: 0.0588 × 450 − 0.296 × 5 − 15.8 = 9.18', () => {
    expect(scores.colemanLiau).toBeCloseTo(9.18, 2)
  })
  it('ARI: 4.71 × 4.6 + 0.5 × 20 − 21.43 = 10.236', () => {
    expect(scores.automatedReadability).toBeCloseTo(10.24, 2)
  })
  it('New Dale–Chall: 0.1579 × 8 + 0.0496 × 20 + 3.6365 (over 5 % difficult) = 5.89', () => {
    expect(scores.daleChall).toBeCloseTo(5.89, 2)
  })
  it('Spache: 0.121 × 20 + 0.082 × 15 + 0.659 = 4.309', () => {
    expect(scores.spache).toBeCloseTo(4.31, 2)
  })
  it('consensus grade: median of 9.91, 12, 11.98, 9.18, 10.24 and the Dale–Chall band 5.5', () => {
    expect(scores.grade).toBeCloseTo((9.91 + 10.236) / 2, 2)
  })
  it('is reliable at 100 words and 5 sentences', () => {
    expect(scores.reliable).toBe(true)
  })
})

describe('Dale–Chall bands and the median', () => {
  it('maps scores to the middle of their grade band', () => {
    expect([4.2, 5.5, 6.1, 7.9, 8.0, 9.4, 11].map(daleChallGrade)).toEqual([
      4, 5.5, 7.5, 9.5, 11.5, 14, 16,
    ])
  })
  it('skips values a formula could not compute', () => {
    expect(median([3, Number.NaN, 1, 2])).toBe(2)
    expect(median([Number.NaN])).toBeNaN()
  })
})

describe('counting a real text', () => {
  // 14 words of one syllable, 41 letters, 2 sentences; every word is on the
  // Dale–Chall list; `mat` is the one word missing from the Spache list.
  const record = clean('The cat sat on the mat. The dog ran to the big red barn.')
  const scores = record.readability

  it('counts words, sentences, syllables and letters', () => {
    expect(scores).toMatchObject({words: 14, sentences: 2, syllables: 14, letters: 41})
    expect(scores).toMatchObject({complexWords: 0, polysyllables: 0, difficultWords: 0})
    expect(scores?.unfamiliarWords).toBe(1)
  })
  it('gives the scores computed by hand', () => {
    expect(scores?.fleschReadingEase).toBeCloseTo(115.13, 2)
    expect(scores?.fleschKincaidGrade).toBeCloseTo(-1.06, 2)
    expect(scores?.gunningFog).toBeCloseTo(2.8, 2)
    expect(scores?.smog).toBeCloseTo(3.13, 2)
    expect(scores?.colemanLiau).toBeCloseTo(-2.81, 2)
    expect(scores?.automatedReadability).toBeCloseTo(-4.14, 2)
    expect(scores?.daleChall).toBeCloseTo(0.35, 2)
    expect(scores?.spache).toBeCloseTo(2.09, 2)
    // median of -4.14, -2.81, -1.06, 2.8, 3.13 and Dale–Chall's band 4
    expect(scores?.grade).toBeCloseTo(0.87, 2)
  })
  it('marks a 14-word text unreliable', () => {
    expect(scores?.reliable).toBe(false)
  })
})

describe('counting rules', () => {
  it('counts every occurrence of a difficult word, and easy repeats as easy', () => {
    const once = clean('The committee met. The dog ran.').readability
    const twice = clean('The committee met the committee. The dog ran and ran and ran.').readability
    expect(once?.difficultWords).toBe(1)
    expect(twice?.difficultWords).toBe(2)
  })
  it('accepts regular inflections of familiar words', () => {
    expect(clean('The dogs barked and jumped and played.').readability?.difficultWords).toBe(0)
  })
  it('counts Spache unfamiliar words once each', () => {
    expect(clean('The mat. The mat. The mat.').readability?.unfamiliarWords).toBe(1)
  })
  it('keeps names, compounds and -ed forms out of Gunning’s complex words', () => {
    // committee, unprecedented, settlement: complex; Tuesday, Mueller: names;
    // well-known: a compound; `approved` has two syllables anyway.
    const text =
      'The committee approved the unprecedented settlement with Robert Mueller on Tuesday, a well-known deal.'
    const scores = clean(text).readability
    expect(scores?.complexWords).toBe(3)
  })
  it('reads figures and signs aloud: $2.5 is "two point five dollars"', () => {
    // two(1) point(1) five(1) dollars(2) = 5; rose(1); 1918 "nineteen eighteen" = 4
    expect(clean('Rose $2.5 in 1918.').readability?.syllables).toBe(1 + 5 + 1 + 4)
  })
})
