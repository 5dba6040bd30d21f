/**
 * The parts of copydesk lint, in process: config validation and resolution,
 * prose extraction, suppressions, fixes, fingerprints; and every regular
 * expression that runs on input, fed about 1 MB of adversarial text.
 */
import {describe, expect, it} from 'vitest'
import {ConfigError, resolveRule, validateConfig} from '../pipeline/lint/config.js'
import {lintText} from '../pipeline/lint/engine.js'
import {applyFixes} from '../pipeline/lint/fix.js'
import {extractProse, formatOf} from '../pipeline/lint/prose.js'
import {disabledRanges, isAccepted, isQuoted, quoteRanges} from '../pipeline/lint/suppress.js'

describe('config', () => {
  it('accepts a severity, [severity] and [severity, options] alike', () => {
    const config = validateConfig({
      preset: 'newsroom',
      rules: {
        'loaded-word': 'error',
        'repeated-space': ['off'],
        readability: ['warn', {ignoreQuoted: false}],
      },
      accept: ['Okafor'],
    })
    expect(resolveRule(config, 'loaded-word', 'score-neutrality')).toEqual({
      severity: 'error',
      options: {},
    })
    expect(resolveRule(config, 'repeated-space', 'normalise-whitespace').severity).toBe('off')
    expect(resolveRule(config, 'readability', 'retext-readability').options).toEqual({
      ignoreQuoted: false,
    })
  })

  it('resolves user rule, then user plugin, then preset rule, then preset kind, then warn', () => {
    const config = validateConfig({
      preset: 'newsroom',
      rules: {'score-neutrality': 'off', 'vague-source': 'error'},
    })
    expect(resolveRule(config, 'vague-source', 'score-neutrality').severity).toBe('error')
    expect(resolveRule(config, 'loaded-word', 'score-neutrality').severity).toBe('off')
    expect(resolveRule(config, 'hill-related-blurb', 'remove-hill-blurbs').severity).toBe('error')
    expect(resolveRule(config, 'readability', 'retext-readability')).toEqual({
      severity: 'warn',
      options: {ignoreQuoted: true},
    })
    // A rule nobody registered yet still shows, as a warning.
    expect(resolveRule(config, 'brand-new-rule', 'brand-new-plugin').severity).toBe('warn')
  })

  it('throws a ConfigError naming each problem', () => {
    expect(() =>
      validateConfig({rules: {'loaded-word': ['warn', {minConfidence: 'high'}]}}),
    ).toThrow(/rules\.loaded-word\[1\]\.minConfidence: expected a number from 0 to 1/)
    expect(() => validateConfig({rules: {'loaded-word': ['warn', {}, {}]}})).toThrow(
      /expected \[severity\] or \[severity, options\]/,
    )
    expect(() => validateConfig({accept: 'Okafor'})).toThrow(ConfigError)
    expect(() => validateConfig({rules: {'repeted-space': 'warn'}})).toThrow(
      /did you mean `repeated-space`/,
    )
  })
})

describe('prose extraction', () => {
  it('keeps every offset: non-prose characters become spaces, line breaks stay', () => {
    const markdown = '---\ntitle: A disaster\n---\n\n# Vote\n\nRun `a  b` at <https://x.org/y>.\n'
    const prose = extractProse(markdown, 'markdown')
    expect(prose.text).toHaveLength(markdown.length)
    expect(prose.text.split('\n')).toHaveLength(markdown.split('\n').length)
    expect(prose.text).not.toContain('disaster') // front matter
    expect(prose.text).not.toContain('a  b') // inline code
    expect(prose.text).not.toContain('x.org') // autolink
    expect(prose.text).toContain('Vote')
    expect(prose.text.indexOf('Run')).toBe(markdown.indexOf('Run'))
  })

  it('reads HTML text with entities, skipping scripts and styles', () => {
    const html = '<p>Q&amp;A with the board</p><script>var x = "disaster"</script>'
    const prose = extractProse(html, 'html')
    expect(prose.text).toContain('Q')
    expect(prose.text).toContain('A with the board')
    expect(prose.text).not.toContain('amp;')
    expect(prose.text).not.toContain('disaster')
    expect(prose.whitespaceInsignificant).toBe(true)
  })

  it('masks bare URLs in plain text', () => {
    const prose = extractProse('See www.example.org/a--b  today.', 'text')
    expect(prose.text).toBe(`See ${' '.repeat('www.example.org/a--b'.length)}  today.`)
  })

  it('picks the format from the extension', () => {
    expect([formatOf('a.md'), formatOf('b.HTML'), formatOf('c.txt'), formatOf(undefined)]).toEqual([
      'markdown',
      'html',
      'text',
      'text',
    ])
  })
})

describe('suppressions', () => {
  const comment = (text: string, value: string) => {
    const start = text.indexOf(`<!--${value}-->`)
    return {start, end: start + value.length + 7, value}
  }

  it('turns rules off between disable and enable, for the next line, or to the end', () => {
    const text =
      'a\n<!-- copydesk-disable loaded-word -->\nb\n<!-- copydesk-enable -->\nc\n<!-- copydesk-disable-next-line -->\nd\ne\n<!-- copydesk-disable -->\nf\n'
    const ranges = disabledRanges(
      [
        comment(text, ' copydesk-disable loaded-word '),
        comment(text, ' copydesk-enable '),
        comment(text, ' copydesk-disable-next-line '),
        comment(text, ' copydesk-disable '),
      ],
      text,
    )
    const at = (letter: string) => text.indexOf(`\n${letter}\n`) + 1
    const off = (letter: string, rule: string) =>
      ranges.some(
        (r) => (r.rule === rule || r.rule === '*') && at(letter) >= r.start && at(letter) < r.end,
      )
    expect(off('a', 'loaded-word')).toBe(false)
    expect(off('b', 'loaded-word')).toBe(true)
    expect(off('b', 'repeated-space')).toBe(false)
    expect(off('c', 'loaded-word')).toBe(false)
    expect(off('d', 'repeated-space')).toBe(true)
    expect(off('e', 'repeated-space')).toBe(false)
    expect(off('f', 'repeated-space')).toBe(true)
  })

  it('knows quoted speech: curly and straight pairs, never across paragraphs', () => {
    const text = '“Go home,” she said. He said "no" twice.\n\n“An unclosed quote\n\nnext paragraph'
    const ranges = quoteRanges(text)
    const span = (part: string): [number, number] => [
      text.indexOf(part),
      text.indexOf(part) + part.length,
    ]
    expect(isQuoted(ranges, ...span('home'))).toBe(true)
    expect(isQuoted(ranges, ...span('no'))).toBe(true)
    expect(isQuoted(ranges, ...span('said.'))).toBe(false)
    expect(isQuoted(ranges, ...span('next'))).toBe(false)
  })

  it('accepts whole terms only, ignoring case and surrounding punctuation', () => {
    expect(isAccepted('Disaster', ['disaster'])).toBe(true)
    expect(isAccepted('“disaster,”', ['disaster'])).toBe(true)
    expect(isAccepted('disasters', ['disaster'])).toBe(false)
    expect(isAccepted('said', ['AI'])).toBe(false)
    expect(isAccepted('', ['AI'])).toBe(false)
  })
})

describe('lintText', () => {
  const config = validateConfig({})

  it('reports one finding and one fix per change, even when the plugin summarises them', () => {
    const text = 'The board   met and   voted on   Monday.\n'
    const {findings} = lintText(text, {format: 'text', config, path: 'a.txt'})
    const spaces = findings.filter((finding) => finding.ruleId === 'repeated-space')
    expect(spaces).toHaveLength(3)
    expect(applyFixes(text, findings).text).toBe('The board met and voted on Monday.\n')
  })

  it('keeps the final line break of a file', () => {
    const {findings} = lintText('The board met.\n', {format: 'text', config, path: 'a.txt'})
    expect(findings).toEqual([])
  })

  it('drops whitespace findings in HTML, where whitespace collapses', () => {
    const html = '<p>The board   met\n      on Monday.</p>\n'
    expect(lintText(html, {format: 'html', config, path: 'a.html'}).findings).toEqual([])
  })

  it('gives fingerprints that survive edits elsewhere in the file', () => {
    const text = 'The plan was a disaster.\n'
    const before = lintText(text, {format: 'text', config, path: 'a.txt'}).findings
    const after = lintText(`A new first line.\n\n${text}`, {
      format: 'text',
      config,
      path: 'a.txt',
    }).findings
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint))
    expect(after[0]?.line).toBe(3)
    const elsewhere = lintText(text, {format: 'text', config, path: 'b.txt'}).findings
    expect(elsewhere[0]?.fingerprint).not.toBe(before[0]?.fingerprint)
  })
})

describe('fixes', () => {
  it('applies non-overlapping fixes and skips overlapping ones', () => {
    const finding = (start: number, end: number, text: string, ruleId = 'r') =>
      ({ruleId, fix: {start, end, text}}) as Parameters<typeof applyFixes>[1][number]
    const outcome = applyFixes('abcdef', [
      finding(4, 6, 'X'),
      finding(0, 2, ''),
      finding(1, 3, 'Y'),
    ])
    expect(outcome).toEqual({text: 'cdX', applied: {r: 2}, count: 2})
  })
})

describe('linear time on adversarial input (≈1 MB)', () => {
  const megabyte = 1_000_000
  // Generous: a quadratic pass over 1 MB would take minutes.
  const bound = 10_000
  const timed = (run: () => unknown): number => {
    const start = performance.now()
    run()
    return performance.now() - start
  }

  it('URL masking', () => {
    expect(timed(() => extractProse(`http://${'a'.repeat(megabyte)}`, 'text'))).toBeLessThan(bound)
    expect(timed(() => extractProse('www.'.repeat(megabyte / 4), 'text'))).toBeLessThan(bound)
    expect(timed(() => extractProse('http:/'.repeat(megabyte / 6), 'text'))).toBeLessThan(bound)
  })

  it('markdown and HTML extraction grow linearly (4× the input, far less than 16× the time)', () => {
    // The parsers are heavy per character, so compare sizes instead of a fixed bound. Units:
    // unclosed inline comments, strikethrough runs, unclosed code and emphasis, unclosed tags.
    const cases: Array<[string, 'markdown' | 'html']> = [
      ['a <!-- ', 'markdown'],
      ['a ~~ ', 'markdown'],
      ['a `b *c _d [e ', 'markdown'],
      ['x <b>&amp <i>y ', 'html'],
    ]
    for (const [unit, format] of cases) {
      const small = unit.repeat(20_000 / unit.length)
      const large = unit.repeat(80_000 / unit.length)
      extractProse(small, format) // warm up, so start-up costs do not count
      const ratio =
        timed(() => extractProse(large, format)) /
        Math.max(
          timed(() => extractProse(small, format)),
          5,
        )
      expect(ratio, unit).toBeLessThan(10)
    }
  })

  it('HTML nested too deeply for a tree still has its tags masked, without a crash', () => {
    const html = `${'<b><i>'.repeat(15_000)}The board met.`
    const prose = extractProse(html, 'html')
    expect(prose.text.trim()).toBe('The board met.')
  })

  it('suppression directives, quotes and accepted terms', () => {
    const value = ` copydesk-disable${' '.repeat(megabyte)}x`
    expect(timed(() => disabledRanges([{start: 0, end: 1, value}], 'x'))).toBeLessThan(bound)
    expect(timed(() => quoteRanges('“"'.repeat(megabyte / 2)))).toBeLessThan(bound)
    expect(
      timed(() => isAccepted(`${'.'.repeat(megabyte)}a${' '.repeat(megabyte)}`, ['a'])),
    ).toBeLessThan(bound)
  })
})
