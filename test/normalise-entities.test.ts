import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'
import decodeEntities from '../plugins/decode-entities.js'
import {findEntities} from '../plugins/util/entities.js'
import {runPlugins, timed} from './normalise-helpers.js'

const decode = (text: string) => runPlugins([decodeEntities], text)

describe('decode-entities', () => {
  it.each([
    ['Smith &amp; Sons won', 'Smith & Sons won'],
    ['the mayor&#8217;s &#8220;plan&#8221;', 'the mayor’s “plan”'],
    ['a &#x2014; dash and &eacute;t&eacute;', 'a — dash and été'],
    ['10&nbsp;km', '10\u00a0km'],
    ['&lt;b&gt; is a tag', '<b> is a tag'],
    ['windows quote &#146;s', 'windows quote ’s'],
  ])('%s', (input, output) => {
    expect(decode(input).text).toBe(output)
  })

  it.each([
    'AT&T and R&D stay, so does &copy without a semicolon.',
    'Unknown &madeup; and invalid &#0; and &#x110000; stay.',
    'A lone & and &; and &#; are text.',
  ])('leaves %s alone', (input) => {
    const {text, file} = decode(input)
    expect(text).toBe(input)
    expect(file.data.changes ?? []).toHaveLength(0)
  })

  it('decodes once: a doubly encoded reference stays, with a warning', () => {
    const {text, file} = decode('Tom &amp;amp; Jerry and &amp;#8217; here, but Tom &amp; Ann')
    expect(text).toBe('Tom &amp;amp; Jerry and &amp;#8217; here, but Tom & Ann')
    const warnings = file.messages.filter(
      (message) => message.ruleId === 'double-encoded-reference',
    )
    expect(warnings.map((message) => message.actual)).toEqual(['&amp;', '&amp;'])
    expect(warnings[0]?.fatal).toBe(false)
    expect(decode(text).text).toBe(text)
  })

  it('does not glue decoded letters into a new reference', () => {
    const input = 'x &&#97;mp; y'
    expect(decode(input).text).toBe(input)
  })

  it('records each change at its place in the input', () => {
    const input = 'One &amp; two.\nThree &#8212; four.'
    const changes = decode(input).file.data.changes ?? []
    expect(changes.map((change) => [change.ruleId, change.before, change.after])).toEqual([
      ['named-reference', '&amp;', '&'],
      ['numeric-reference', '&#8212;', '—'],
    ])
    for (const change of changes) expect(input.slice(change.start, change.end)).toBe(change.before)
  })

  it('scans ~1 MB of adversarial input in linear time', () => {
    const inputs = [
      `&${'a'.repeat(1_000_000)}`,
      '&#'.repeat(500_000),
      '&amp'.repeat(250_000),
      '&amp;'.repeat(200_000),
      `&#${'1'.repeat(1_000_000)};`,
    ]
    for (const input of inputs) {
      const scan = timed(() => input.split('&').length)
      expect(timed(() => findEntities(input))).toBeLessThan(Math.max(2000, scan * 500))
    }
  })

  it('decodes tens of thousands of references in one paragraph in linear time', () => {
    // Each decoded `&amp;` empties the word `amp` inside one long sentence.
    // Dropping those words one at a time, each a pass over the sentence, took
    // 75 s for these 20,000 (260 KB); a pass per sentence, 0.6 s in all.
    const text = 'and AT&amp;T '.repeat(20_000)
    let output = ''
    const took = timed(() => {
      output = clean(text, {score: false}).text
    })
    expect(output).toBe('and AT&T '.repeat(20_000).trimEnd())
    expect(took).toBeLessThan(5_000)
  })
})
