import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {readArticle} from '../pipeline/report/article.js'
import {escapeHtml, jsonForScript} from '../pipeline/report/escape.js'
import {buildReport} from '../pipeline/report/html.js'
import {OffsetMap, reconstructOriginal} from '../pipeline/report/reconstruct.js'
import {batchFolder, runFixtureBatch} from './fixtures/report/run.js'

let run: {out: string; records: unknown[]}
const inputOf = (id: string): string | undefined => {
  if (id.endsWith('.txt')) return readFileSync(join(batchFolder, id), 'utf8')
  for (const line of readFileSync(join(batchFolder, 'wire.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const value = JSON.parse(line) as {id: string; text?: string}
    if (value.id === id) return value.text
  }
  return undefined
}

beforeAll(async () => {
  run = await runFixtureBatch()
})

describe('original text', () => {
  it('is rebuilt exactly from a real run (cleaned text + removals + changes)', () => {
    const cleaned = run.records.filter((record) => !('error' in (record as object)))
    expect(cleaned.length).toBe(4)
    let edited = 0
    for (const [index, record] of cleaned.entries()) {
      const {detail} = readArticle(record, index)
      expect(detail.original, detail.id).toBe(inputOf(detail.id))
      expect(detail.originalNote).toMatch(/rebuilt/)
      if (detail.edits.length > 0) edited++
    }
    // The batch has blurbs and whitespace to clean, so the check is not vacuous.
    expect(edited).toBeGreaterThanOrEqual(2)
  })

  it('is refused, not guessed, when the edits do not account for the text', () => {
    const change = {kind: 'changed' as const, index: 0, ruleId: 'r', source: 's'}
    expect(
      reconstructOriginal('Harbour fees rise.', [
        {...change, start: 6, end: 7, before: '  ', after: ' '},
      ]),
    ).toBeNull()
    expect(
      reconstructOriginal('Harbour fees rise.', [
        {...change, start: 7, end: 9, before: '  ', after: 'X'},
      ]),
    ).toBeNull()
    const {detail} = readArticle(
      {id: 'stale', text: 'Fees rise.', removed: [{start: 0, end: 40, text: 'too short'}]},
      0,
    )
    expect(detail.original).toBeNull()
    expect(detail.originalNote).toMatch(/cannot be shown/)
  })

  it('maps offsets both ways around a removal', () => {
    const rebuilt = reconstructOriginal('Mayor Kim said.', [
      {
        kind: 'removed',
        index: 0,
        ruleId: 'r',
        source: 's',
        start: 9,
        end: 20,
        before: 'Ana KimMORE',
        after: '',
      },
    ])
    expect(rebuilt?.original).toBe('Mayor KimAna KimMORE said.')
    const map = new OffsetMap(rebuilt?.edits ?? [])
    expect(map.toCleaned(21, 'start')).toBe(10) // "said"
    expect(map.toCleaned(12, 'start')).toBeNull() // inside the removed span
    expect(map.toOriginal(10)).toBe(21)
  })

  it('reads a dry run as the input itself', () => {
    const text = 'Mayor Ana KimAna Sofia KimFerry fares rise MORE said.'
    const removedText = 'Ana Sofia KimFerry fares rise MORE'
    const start = text.indexOf(removedText)
    const {detail} = readArticle(
      {
        id: 'dry',
        text,
        removed: [
          {ruleId: 'r', source: 's', start, end: start + removedText.length, text: removedText},
        ],
      },
      0,
    )
    expect(detail.original).toBe(text)
    expect(detail.originalNote).toMatch(/dry run/)
  })
})

describe('records of any version', () => {
  it('reads an old record without scores, and values of the wrong type', () => {
    for (const value of [
      {text: 'Only text.'},
      null,
      42,
      [],
      {id: 7, removed: 'no', sentences: {}},
    ]) {
      const {row, detail} = readArticle(value, 3)
      expect(row.index).toBe(3)
      expect(row.grade).toBeNull()
      expect(row.neutrality).toBeNull()
      expect(detail.edits).toEqual([])
      expect(detail.signals).toEqual([])
    }
    expect(readArticle({id: 7}, 0).row.id).toBe('7')
    expect(readArticle({}, 4).row.id).toBe('#5')
  })

  it('shows an error record as one error', () => {
    const {row, detail} = readArticle({line: 3, error: 'Not JSON'}, 0)
    expect(row.errors).toBe(1)
    expect(detail.error).toBe('Not JSON')
    expect(detail.facts).toContainEqual(['line', '3'])
  })

  it('places neutrality signals in both texts, and drops those inside removals from the cleaned one', () => {
    const original =
      'Aide Rob LeeRobert Lee Jr.Bold plan slammed MORE said the outrageous fee stays.'
    const blurb = 'Robert Lee Jr.Bold plan slammed MORE'
    const start = original.indexOf(blurb)
    const cleaned = original.slice(0, start) + original.slice(start + blurb.length)
    const at = (word: string): {start: number; end: number} => ({
      start: original.indexOf(word),
      end: original.indexOf(word) + word.length,
    })
    const {row, detail} = readArticle(
      {
        id: 'loaded',
        text: cleaned,
        removed: [
          {
            ruleId: 'hill-related-blurb',
            source: 'remove-hill-blurbs',
            start,
            end: start + blurb.length,
            text: blurb,
          },
        ],
        meta: {title: 'Fee stays', url: 'javascript:alert(1)'},
        neutrality: {
          score: 41.5,
          verdict: 'loaded',
          signals: [
            {category: 'loaded-adjective', text: 'outrageous', weight: 0.8, ...at('outrageous')},
            {
              category: 'loaded-verb',
              text: 'slammed',
              weight: 0.6,
              place: {start: {offset: at('slammed').start}, end: {offset: at('slammed').end}},
            },
          ],
        },
      },
      0,
    )
    expect(row).toMatchObject({
      verdict: 'loaded',
      title: 'Fee stays',
      neutrality: 41.5,
      removals: 1,
      rules: ['hill-related-blurb'],
    })
    expect(detail.url).toBeNull() // a javascript: URL is never a link
    const [outrageous, slammed] = detail.signals
    expect(outrageous?.cleaned && cleaned.slice(...outrageous.cleaned)).toBe('outrageous')
    expect(slammed?.original && original.slice(...slammed.original)).toBe('slammed')
    expect(slammed?.cleaned).toBeNull()
  })
})

describe('escaping', () => {
  const hostile = `</script><script>alert(1)</script><!-- </textarea>"'&\u2028`

  it('keeps script-ending text out of JSON blocks and reads it back unchanged', () => {
    const json = jsonForScript({text: hostile})
    expect(json).not.toMatch(/[<>]/)
    expect(JSON.parse(json)).toEqual({text: hostile})
  })

  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('puts no article text into the markup: the only scripts are the report’s own', () => {
    const html = buildReport(
      [{id: '</script><script>alert(2)</script>', text: hostile, meta: {title: hostile}}],
      {name: '<b>batch</b>'},
    )
    expect(html.match(/<script/g)?.length).toBe(3) // rows, one article, the page script
    expect(html).not.toContain('alert(1)</script>')
    expect(html).not.toContain('<b>batch</b>')
    expect(html).toContain('&lt;b&gt;batch&lt;/b&gt;')
    expect(html).toMatch(
      /Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/,
    )
  })

  it('runs in linear time on a megabyte of adversarial text', () => {
    const text = '<</'.repeat(200_000) + '&"\u2028\n  \n'.repeat(50_000)
    const started = performance.now()
    const html = buildReport([{id: 'big', text, removed: [], changes: []}])
    const escaped = escapeHtml(text)
    const elapsed = performance.now() - started
    expect(escaped.length).toBeGreaterThan(text.length)
    expect(html.length).toBeGreaterThan(text.length)
    expect(elapsed).toBeLessThan(5_000) // a generous bound: linear work is well under a second
  })
})
