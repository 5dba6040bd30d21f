import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {countUtf8, decode} from '../pipeline/io/decode.js'
import {timed} from './normalise-helpers.js'

const paragraph =
  'The mayor’s office said on Tuesday that the café on Main Street would reopen, calling it “a fresh start” for the neighbourhood — and for its owners.'

describe('decode', () => {
  it('reads UTF-8 and drops a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(paragraph)])
    expect(decode(bytes)).toEqual({text: paragraph, warnings: [], binary: false})
  })

  it('reads UTF-16 with a byte order mark', () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(paragraph, 'utf-16le')])
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(paragraph, 'utf-16be')])
    expect(decode(little).text).toBe(paragraph)
    expect(decode(big).text).toBe(paragraph)
    expect(decode(little).warnings[0]).toMatch(/UTF-16LE/)
  })

  it('detects windows-1252 and says so', () => {
    const result = decode(iconv.encode(paragraph, 'windows-1252'))
    expect(result.text).toBe(paragraph)
    expect(result.warnings[0]).toMatch(
      /decoded as windows-1252 \(detected by chardet, confidence \d+%/,
    )
  })

  it('detects windows-1251', () => {
    const russian = 'Президент заявил во вторник, что переговоры продолжатся на следующей неделе.'
    const result = decode(iconv.encode(russian, 'windows-1251'))
    expect(result.text).toBe(russian)
    expect(result.warnings[0]).toMatch(/windows-1251/)
  })

  it('keeps damaged UTF-8 as UTF-8, with U+FFFD and a warning', () => {
    const bytes = Buffer.concat([
      Buffer.from('Zoë and José met in Zürich; '),
      Buffer.from([0xff]),
      Buffer.from(' end'),
    ])
    const result = decode(bytes)
    expect(result.text).toBe('Zoë and José met in Zürich; \uFFFD end')
    expect(result.warnings[0]).toMatch(/1 invalid byte/)
  })

  it('recognises binary data', () => {
    expect(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])).binary).toBe(true)
  })

  it('counts UTF-8 sequences in linear time on ~1 MB of invalid bytes', () => {
    const bytes = Buffer.alloc(1_000_000, 0xe2)
    const scan = timed(() => bytes.reduce((sum, byte) => sum + byte, 0))
    expect(timed(() => countUtf8(bytes))).toBeLessThan(Math.max(2000, scan * 500))
    expect(countUtf8(bytes)).toEqual({valid: 0, invalid: 1_000_000})
    expect(timed(() => decode(bytes))).toBeLessThan(5000)
  })
})
