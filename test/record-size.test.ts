/**
 * A record too large to write as one JSON string (past V8's longest string,
 * about 512 MB: per-sentence explanations of a long text of short sentences
 * run to tens of times its size) is written without its explanations, not
 * turned into an error record that loses the cleaned text.
 */
import {afterEach, describe, expect, it, vi} from 'vitest'
import {processItem} from '../pipeline/item.js'
import {maxHtmlCharacters, maxTextCharacters} from '../pipeline/limits.js'

const text =
  'Sen. Joe DaleJoseph Dale Jr.Senate panel delays vote MORE said the plan was sound. ' +
  'The council, in a stunning and outrageous move, slammed the deeply flawed budget. '.repeat(3)

afterEach(() => {
  vi.restoreAllMocks()
})

/** JSON.stringify as V8 fails it on a string too long, for records that carry explanations. */
function failOnExplanations(): void {
  const stringify = JSON.stringify
  vi.spyOn(JSON, 'stringify').mockImplementation((value, ...rest) => {
    const record = value as {sentences?: unknown[]} | undefined
    if (record?.sentences !== undefined && record.sentences.length > 0) {
      throw new RangeError('Invalid string length')
    }
    return stringify(value, ...(rest as [undefined]))
  })
}

describe('a record too large to write', () => {
  it('is written without its per-sentence explanations, its text, removals and scores kept', () => {
    const full = JSON.parse(processItem({id: 7, text}, {}).json)
    expect(full.sentences.length).toBeGreaterThan(1)
    failOnExplanations()
    const lean = JSON.parse(processItem({id: 7, text}, {}).json)
    expect(lean.error).toBeUndefined()
    expect(lean.text).toBe(full.text)
    expect(lean.removed).toEqual(full.removed)
    expect(lean.readability).toEqual(full.readability)
    expect(lean.neutrality).toEqual(full.neutrality)
    expect(lean.sentences).toEqual([])
    const sources = (records: Array<{source: string}>) => new Set(records.map((m) => m.source))
    expect(sources(lean.messages)).not.toContain('score-neutrality')
    // The removal is still there to review, and a message says what was left out.
    expect(lean.messages).toContainEqual(
      expect.objectContaining({source: 'remove-hill-blurbs', actual: full.removed[0].text}),
    )
    expect(lean.messages.at(-1)).toMatchObject({
      ruleId: 'record-too-large',
      severity: 'warning',
      reason: expect.stringMatching(
        /^Per-sentence explanations left out \(\d+ sentences, \d+ messages\)/,
      ),
    })
  })

  it('becomes an error record only when even that cannot be written', () => {
    const stringify = JSON.stringify
    vi.spyOn(JSON, 'stringify').mockImplementation((value, ...rest) => {
      if ((value as {text?: unknown} | undefined)?.text !== undefined) {
        throw new RangeError('Invalid string length')
      }
      return stringify(value, ...(rest as [undefined]))
    })
    const record = JSON.parse(processItem({id: 7, line: 3, text}, {}).json)
    expect(record).toMatchObject({
      id: 7,
      line: 3,
      error: 'Cannot serialise the record: Invalid string length',
    })
  })
})

describe('a text too large to clean as one record', () => {
  it('is an error record that says how large it is and asks for parts; an HTML page too', () => {
    const long = 'The board met. '.repeat(Math.ceil((maxTextCharacters + 1) / 15))
    const record = JSON.parse(processItem({id: 'book', file: 'book.txt', text: long}, {}).json)
    expect(record).toMatchObject({
      id: 'book',
      file: 'book.txt',
      error: expect.stringMatching(
        /^Text too large to clean as one record: 16,777,2\d\d characters \(at most 16,777,216\); split it into parts$/,
      ),
    })
    const page = `<p>${'x'.repeat(maxHtmlCharacters)}</p>`
    expect(JSON.parse(processItem({id: 'page', html: page}, {}).json).error).toMatch(
      /^HTML too large: 67,108,871 characters/,
    )
  })
})
