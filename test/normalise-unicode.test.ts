import {describe, expect, it} from 'vitest'
import normaliseUnicode from '../plugins/normalise-unicode.js'
import {findCharacterEdits, findNormalisationEdits} from '../plugins/util/unicode-chars.js'
import {runPlugins, timed} from './normalise-helpers.js'

const normalise = (text: string, options?: object) =>
  runPlugins([[normaliseUnicode, options] as never], text)

describe('normalise-unicode: changes', () => {
  it.each([
    ['composes a decomposed accent', 'Jose\u0301 Marti\u0301nez', 'José Martínez'],
    ['drops zero-width spaces', 'break\u200Bing news\uFEFF', 'breaking news'],
    ['drops soft hyphens', 'co\u00ADoperation', 'cooperation'],
    ['drops C0 controls, keeps tabs and line breaks', 'a\u0007b\tc\nd\u001Be\u007F', 'ab\tc\nde'],
    ['leaves C1 controls to repair-mojibake', 'one\u0085two \u0090', 'one\u0085two \u0090'],
    [
      'drops a joiner next to a space, inside ASCII or by punctuation',
      'a \u200Db, c\u200Dd, ’\u200D’',
      'a b, cd, ’’',
    ],
    ['expands Latin ligatures', 'the \uFB01nance o\uFB03ce', 'the finance office'],
    ['replaces lone surrogates', 'bad \uD800 and \uDC00 end', 'bad \uFFFD and \uFFFD end'],
  ])('%s', (_, input, output) => {
    expect(normalise(input).text).toBe(output)
  })

  it('NFKC is opt-in', () => {
    expect(normalise('x\u00B2 \u2460').text).toBe('x\u00B2 \u2460')
    expect(normalise('x\u00B2 \u2460', {form: 'NFKC'}).text).toBe('x2 1')
  })

  it('no-break spaces: kept by default, loose ones or all by option', () => {
    const input = '10\u00A0km and It\u00A0 was'
    expect(normalise(input).text).toBe(input)
    expect(normalise(input, {noBreakSpaces: 'loose'}).text).toBe('10\u00A0km and It  was')
    expect(normalise(input, {noBreakSpaces: 'all'}).text).toBe('10 km and It  was')
  })

  it('full-width letters and digits by option; full-width punctuation stays', () => {
    const input = 'ＡＢＣ １２３，東京'
    expect(normalise(input).text).toBe(input)
    expect(normalise(input, {fullWidth: true}).text).toBe('ABC 123，東京')
  })

  it('records each change with its rule and original offsets', () => {
    const input = 'e\u0301 and x\u200By'
    const {file} = normalise(input)
    const changes = file.data.changes ?? []
    expect(changes.map((change) => change.ruleId).sort()).toEqual(['nfc', 'zero-width'])
    for (const change of changes) expect(input.slice(change.start, change.end)).toBe(change.before)
  })
})

describe('normalise-unicode: must not change', () => {
  it.each([
    'Zoë Brontë, José Martínez, Dvořák, Łódź, Ærø, Þórr, İstanbul, Nguyễn Thị Minh Khai',
    'مرحبا بالعالم and שלום עולם',
    'فارسی\u200Cها and नमस्\u200Dते keep their joiners',
    '東京都は火曜日に発表した。서울, 北京',
    'Family 👨\u200D👩\u200D👧\u200D👦, coder 👩🏽\u200D💻, flag 🏳️\u200D🌈, rainbow 🇺🇦',
    'Quotes “like this”, dashes — and – , ellipsis … and 10\u00A0km',
  ])('%s', (input) => {
    const {text, file} = normalise(input)
    expect(text).toBe(input)
    expect(file.messages).toHaveLength(0)
  })
})

describe('normalise-unicode: speed', () => {
  it('handles ~1 MB of adversarial input in linear time', () => {
    const options = {
      form: 'NFC',
      invisible: true,
      softHyphens: true,
      noBreakSpaces: 'loose',
      ligatures: true,
      fullWidth: true,
    } as const
    const inputs = [
      '\u200D'.repeat(1_000_000),
      `a${'\u200B\u200D'.repeat(500_000)}b`,
      'e\u0301'.repeat(500_000),
      '\u0301'.repeat(1_000_000),
      '\u00A0 '.repeat(500_000),
    ]
    for (const input of inputs) {
      const scan = timed(() => input.normalize('NFC'))
      const work = timed(() => {
        findCharacterEdits(input, options)
        findNormalisationEdits(input, 'NFC')
      })
      expect(work).toBeLessThan(Math.max(2000, scan * 500))
    }
  })
})
