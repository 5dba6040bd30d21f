/**
 * The readers (text, JSONL, CSV, WARC, HTML files), lint with its JSON and
 * SARIF reporters, and the QA report, on arbitrary bytes and text. No throw
 * escapes a reader (bad input becomes error items), JSONL gives one item per
 * non-blank line, every lint output is valid JSON (SARIF valid against the
 * published schema), and no text in a record reaches the report's markup.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {defaultFields} from '../../pipeline/io/jsonl.js'
import {readInputFile} from '../../pipeline/io/readers.js'
import type {InputItem} from '../../pipeline/item.js'
import {defaultConfig} from '../../pipeline/lint/config.js'
import {lintDecoded} from '../../pipeline/lint/files.js'
import {jsonReport} from '../../pipeline/lint/report-json.js'
import {sarifReport} from '../../pipeline/lint/report-sarif.js'
import {buildReport} from '../../pipeline/report/html.js'
import {hostileText} from './arbitraries.js'
import {runs, tally} from './fuzz.js'

const require = createRequire(import.meta.url)
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default
const sarifSchema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object
// The schema's language pattern is not valid with the `u` flag, hence unicodeRegExp: false.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)
const validSarif = ajv.compile(sarifSchema)

const folder = mkdtempSync(join(tmpdir(), 'copydesk-io-properties-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

let fileCount = 0
async function readAll(name: string, bytes: Uint8Array): Promise<InputItem[]> {
  const path = join(folder, `${fileCount++}-${name}`)
  writeFileSync(path, bytes)
  const items: InputItem[] = []
  for await (const item of readInputFile({path, relativePath: name}, {fields: defaultFields})) {
    items.push(item)
  }
  rmSync(path)
  return items
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const hasPayload = (item: InputItem): boolean =>
  typeof item.error === 'string' || typeof item.text === 'string' || typeof item.html === 'string'

/** A JSONL line: a good record, a record with odd fields, broken JSON, or random bytes. */
const jsonlLine = fc.oneof(
  fc
    .record({id: fc.oneof(fc.string(), fc.integer()), text: hostileText})
    .map((value) => JSON.stringify(value)),
  fc.jsonValue({maxDepth: 12}).map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({unit: 'binary', maxLength: 60}).map((text) => text.replace(/[\r\n]/g, ' ')),
)

describe('readers on arbitrary bytes', () => {
  it('JSONL: one item per non-blank line, each a text or an error, never a throw', async () => {
    const cases = runs(40)
    tally('jsonl reader', cases)
    await fc.assert(
      fc.asyncProperty(fc.array(jsonlLine, {maxLength: 30}), fc.boolean(), async (lines, crlf) => {
        const items = await readAll('in.jsonl', encode(lines.join(crlf ? '\r\n' : '\n')))
        expect(items).toHaveLength(lines.filter((line) => line.trim() !== '').length)
        expect(items.every(hasPayload)).toBe(true)
      }),
      {numRuns: cases},
    )
  })

  for (const name of ['in.txt', 'in.md', 'in.html', 'in.csv', 'in.warc', 'in.jsonl', 'in.csv.gz']) {
    it(`${name}: random bytes give items or error items, never a throw`, async () => {
      const cases = runs(25)
      tally(`${name} reader`, cases)
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({maxLength: 3_000}), async (bytes) => {
          const items = await readAll(name, bytes)
          expect(items.every(hasPayload)).toBe(true)
        }),
        {numRuns: cases},
      )
    })
  }

  it('CSV: quoted fields with any text, and broken quoting, never a throw', async () => {
    const cases = runs(40)
    tally('csv reader', cases)
    const field = fc.oneof(hostileText, fc.constantFrom('"', '""', '"a,b', 'x"y', '\n', ','))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string(), field), {maxLength: 12}), async (rows) => {
        const csv = ['id,content', ...rows.map(([id, text]) => `${id},"${text}"`)].join('\n')
        const items = await readAll('in.csv', encode(csv))
        expect(items.every(hasPayload)).toBe(true)
      }),
      {numRuns: cases},
    )
  })
})

describe('copydesk clean --jsonl on arbitrary lines', () => {
  it('writes valid UTF-8, one JSON line per non-blank input line, in order', () => {
    const cases = runs(150)
    tally('clean --jsonl lines', cases)
    const lines = fc.sample(
      fc.oneof(
        jsonlLine.map((line) => Buffer.from(line)),
        fc
          .uint8Array({maxLength: 80})
          .map((bytes) => Buffer.from(bytes.filter((byte) => byte !== 10))),
      ),
      {numRuns: cases, seed: 42},
    )
    const input = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]))
    const cli = fileURLToPath(new URL('../../dist/pipeline/cli.js', import.meta.url))
    const result = spawnSync(process.execPath, [cli, 'clean', '--jsonl', '--no-score', '--quiet'], {
      input,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    })
    expect(result.signal, String(result.stderr)).toBeNull()
    const output = new TextDecoder('utf-8', {fatal: true}).decode(result.stdout)
    const outLines = output.split('\n').filter((line) => line !== '')
    // A line is blank when it holds only white space once decoded (a lone \r counts as such).
    const nonBlank = lines.filter((line) => new TextDecoder().decode(line).trim() !== '')
    expect(outLines).toHaveLength(nonBlank.length)
    const numbered = outLines.map((line) => JSON.parse(line) as {line?: number})
    const errorLines = numbered.flatMap((record) =>
      record.line === undefined ? [] : [record.line],
    )
    expect(errorLines).toEqual([...errorLines].sort((a, b) => a - b))
  }, 120_000)
})

describe('lint and its reporters on arbitrary text', () => {
  it('finds within the text, and writes valid JSON and schema-valid SARIF', () => {
    const cases = runs(40)
    tally('lint', cases)
    fc.assert(
      fc.property(
        hostileText,
        fc.constantFrom('a.txt', 'b.md', 'c.html', 'd.jsonl'),
        (text, name) => {
          const result = lintDecoded(text, name, name, defaultConfig)
          for (const finding of result.findings) {
            expect(finding.start).toBeGreaterThanOrEqual(0)
            expect(finding.start).toBeLessThanOrEqual(finding.end)
            if (name !== 'd.jsonl') expect(finding.end).toBeLessThanOrEqual(text.length)
          }
          expect(() => JSON.parse(jsonReport([result]))).not.toThrow()
          const sarif = JSON.parse(sarifReport([result], '0.0.0-test'))
          expect(validSarif(sarif), JSON.stringify(validSarif.errors)).toBe(true)
        },
      ),
      {numRuns: cases},
    )
  })
})

// Each payload carries a marker that must never appear in the page as markup.
const injections = [
  '<x-injected>',
  '</script><x-injected>',
  '<!--<x-injected>',
  '</textarea><x-injected>',
  '" onmouseover="x-injected',
  "' onmouseover='x-injected",
  'javascript:x-injected',
  '<svg onload=x-injected>',
]
const hostileField = fc.oneof(hostileText, fc.constantFrom(...injections))

describe('the QA report on hostile records', () => {
  it('keeps every text out of the markup, and every JSON block parses', () => {
    const cases = runs(40)
    tally('report', cases)
    const record = fc.record({
      id: hostileField,
      text: hostileField,
      meta: fc.record({
        title: hostileField,
        url: fc.oneof(hostileField, fc.constant('javascript:x-injected')),
      }),
      removed: fc.array(
        fc.record({
          ruleId: hostileField,
          source: hostileField,
          start: fc.nat(50),
          end: fc.nat(80),
          text: hostileField,
        }),
        {maxLength: 3},
      ),
      error: fc.option(hostileField, {nil: undefined}),
    })
    fc.assert(
      fc.property(fc.array(record, {minLength: 1, maxLength: 4}), hostileField, (records, name) => {
        const html = buildReport(records, {name, generated: 'now'})
        // Text may stand in JSON blocks (escaped, never markup); everything else is markup.
        const markup = html.replace(/(<script type="application\/json"[^>]*>)[^<]*/g, '$1')
        expect(markup).not.toMatch(
          /<x-injected|<svg onload|onmouseover=["']x-injected|href=["']?javascript:/i,
        )
        const blocks = [
          ...html.matchAll(/<script type="application\/json"[^>]*>([^<]*)<\/script>/g),
        ]
        expect(blocks.length).toBeGreaterThanOrEqual(records.length)
        for (const block of blocks) expect(() => JSON.parse(block[1] as string)).not.toThrow()
        // The page's own script, one block of rows, one per article: no other script.
        expect(html.match(/<script/g)?.length).toBe(blocks.length + 1)
      }),
      {numRuns: cases},
    )
  })

  it('takes any JSON values as records (what `copydesk report` reads from a file) without throwing', () => {
    const cases = runs(60)
    tally('report on any JSON', cases)
    const value = fc.oneof(
      fc.jsonValue({maxDepth: 6}),
      fc.record({
        id: fc.jsonValue({maxDepth: 2}),
        text: fc.jsonValue({maxDepth: 2}),
        removed: fc.jsonValue({maxDepth: 3}),
        changes: fc.jsonValue({maxDepth: 3}),
        sentences: fc.jsonValue({maxDepth: 3}),
        meta: fc.jsonValue({maxDepth: 2}),
      }),
    )
    fc.assert(
      fc.property(fc.array(value, {maxLength: 5}), (records) => {
        const html = buildReport(records, {generated: 'now'})
        for (const block of html.matchAll(
          /<script type="application\/json"[^>]*>([^<]*)<\/script>/g,
        )) {
          expect(() => JSON.parse(block[1] as string)).not.toThrow()
        }
      }),
      {numRuns: cases},
    )
  })
})
