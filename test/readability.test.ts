import {daleChall} from 'dale-chall'
import {spache} from 'spache'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'
import {parseNewsText} from '../plugins/parse-news.js'
import scoreReadability from '../plugins/score-readability.js'
import retextReadabilityCandidates, {indexWordList} from '../plugins/util/readability-retext.js'

const hard =
  'Notwithstanding considerable jurisdictional uncertainty, the administration’s interdepartmental ' +
  'coordination committee unanimously recommended comprehensive regulatory modifications affecting ' +
  'international telecommunications infrastructure investments.'
const easy = 'The dog ran to the park. It was a warm day. Kids played on the grass.'

describe('score-readability in the pipeline', () => {
  const record = clean(`${easy}\n\n${hard}`)

  it('explains every sentence with offsets into the cleaned text', () => {
    expect(record.sentences.map((sentence) => sentence.text)).toEqual([
      'The dog ran to the park.',
      'It was a warm day.',
      'Kids played on the grass.',
      hard,
    ])
    for (const sentence of record.sentences) {
      expect(record.text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    }
  })

  it('calls the long, polysyllabic sentence hard, and says why', () => {
    const last = record.sentences.at(-1)
    expect(last?.hard).toBe(true)
    expect(last?.reliable).toBe(true)
    expect(last?.grade).toBeGreaterThan(16)
    expect(last?.why.join('; ')).toMatch(/complex words: .*jurisdictional/)
  })

  it('leaves short and easy sentences alone, and marks short ones unreliable', () => {
    for (const sentence of record.sentences.slice(0, 3)) {
      expect(sentence.hard).toBe(false)
      expect(sentence.why).toEqual([])
    }
    expect(record.sentences[1]?.reliable).toBe(false)
  })

  it('warns about the very hard sentence at its place in the input', () => {
    const warnings = record.messages.filter((message) => message.ruleId === 'hard-sentence')
    expect(warnings).toHaveLength(1)
    const warning = warnings[0]
    expect(warning?.source).toBe('score-readability')
    expect(warning?.severity).toBe('warning')
    expect(warning?.actual).toBe(hard)
    expect(warning?.reason).toMatch(/^Unexpected hard sentence \(grade [\d.]+: .*jurisdictional/)
  })

  it('lets retext-readability flag the same sentence', () => {
    const flagged = record.messages.filter((message) => message.source === 'retext-readability')
    expect(flagged.map((message) => message.actual)).toEqual([hard])
  })

  it('writes the document scores with the record field names', () => {
    expect(Object.keys(record.readability ?? {})).toEqual(
      expect.arrayContaining([
        'fleschReadingEase',
        'fleschKincaidGrade',
        'gunningFog',
        'smog',
        'colemanLiau',
        'automatedReadability',
        'daleChall',
        'spache',
        'grade',
        'words',
        'sentences',
        'syllables',
        'complexWords',
        'longWords',
        'reliable',
      ]),
    )
    expect(record.readability?.sentences).toBe(4)
    expect(record.readability?.reliable).toBe(false)
  })

  it('gives null scores, not NaN, for a text without words', () => {
    const empty = clean('— …').readability
    expect(empty?.words).toBe(0)
    expect(empty?.fleschReadingEase).toBeNull()
    expect(empty?.grade).toBeNull()
  })
})

describe('the word lists retext-readability scans', () => {
  it('answer `includes` exactly as an array would', () => {
    indexWordList(daleChall)
    indexWordList(spache)
    for (const list of [daleChall, spache]) {
      for (const word of [...list.slice(0, 50), 'zyzzyva', 'The', '', 'dog ']) {
        expect(list.includes(word)).toBe(Array.prototype.includes.call(list, word))
      }
      expect(Object.keys(list)).not.toContain('includes')
    }
  })
})

describe('linear time on adversarial words', () => {
  // About 1 MB of words built to make a backtracking pattern slow: long
  // consonant runs before -ed/-es/-e, endless hyphen chains, figure groups.
  const part = 120_000
  const text = [
    `a${'b'.repeat(part)}ed`,
    `o${'r'.repeat(part)}es`,
    'ab-'.repeat(part / 3),
    `1${',000'.repeat(part / 4)}`,
    'ia'.repeat(part / 2),
    'ment'.repeat(part / 4),
    'A.'.repeat(part / 2),
    'eeeeed '.repeat(part / 7),
  ].join(' ')

  it(`parses and scores ${text.length} characters in a time a linear scan explains`, () => {
    const analysers = unified().use(scoreReadability).use(retextReadabilityCandidates).freeze()
    const file = new VFile(text)
    const start = performance.now()
    analysers.runSync(parseNewsText(text), file)
    expect(performance.now() - start).toBeLessThan(15_000)
    expect(file.data.readability?.words).toBeGreaterThan(0)
  })
})
