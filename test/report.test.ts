import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {report, withoutStacks} from '../plugins/util/report.js'

const place = {start: {line: 1, column: 5, offset: 4}, end: {line: 1, column: 9, offset: 8}}

describe('report', () => {
  it('fills every field a copydesk message promises', () => {
    const file = new VFile('The MORE card.')
    const message = report(file, {
      source: 'remove-hill-blurbs',
      ruleId: 'hill-related-blurb',
      reason: 'Unexpected related-link card, expected nothing',
      place,
      actual: 'MORE',
      expected: [''],
      level: 'warning',
      confidence: 0.9,
    })
    expect(file.messages).toEqual([message])
    expect(message).toMatchObject({
      source: 'remove-hill-blurbs',
      ruleId: 'hill-related-blurb',
      fatal: false,
      actual: 'MORE',
      expected: [''],
      confidence: 0.9,
      url: 'https://github.com/copydesk/copydesk#remove-hill-blurbs',
    })
    expect(message.place).toEqual(place)
  })

  it('skips collecting a call stack, and leaves the stack limit as it found it', () => {
    // `VFileMessage` sets `stack` to '' after `Error` collected it: the message
    // is the same with no frames collected.
    const file = new VFile('text')
    const before = Error.stackTraceLimit
    const message = report(file, {
      source: 'x',
      ruleId: 'y',
      reason: 'r',
      place,
      actual: 'text',
      expected: [],
      level: 'info',
    })
    expect(message.stack).toBe('')
    expect(Error.stackTraceLimit).toBe(before)
    expect(new Error('probe').stack?.split('\n').length).toBeGreaterThan(1)
  })

  it('restores the stack limit when the work throws', () => {
    const before = Error.stackTraceLimit
    expect(() =>
      withoutStacks(() => {
        throw new Error('broken rule')
      }),
    ).toThrow('broken rule')
    expect(Error.stackTraceLimit).toBe(before)
  })
})
