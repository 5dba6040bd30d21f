/**
 * The batch engine through the built CLI: worker threads give the same
 * records in the same order as one thread; every input format reaches the
 * pipeline; every record carries its reproducibility stamp.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'
import {describe, expect, it, vi} from 'vitest'
import {WARCRecord, WARCSerializer} from 'warcio'

// Each test spawns the CLI (a cold start each) a few times: slow on a busy machine.
vi.setConfig({testTimeout: 90_000})

const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))

function copydesk(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const parseLines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

const card =
  'Rep. Lena OrtizLena Maria OrtizHouse panel backs port dredging Ortiz seeks harbor funds MORE (D-Calif.) said the plan was sound.'

/** Paragraphs long enough that the engine starts workers (inputs over 64 KB). */
function wireStory(n: number): string {
  const paragraph =
    `The water authority met for the ${n}th time this year and weighed a rate rise of ${n % 9} percent. ` +
    'Residents asked for more notice before bills change, and the board agreed to publish a schedule.'
  return n % 10 === 3 ? `${card}\n\n${paragraph}` : `${paragraph}\n\n${paragraph}\n\n${paragraph}`
}

describe('copydesk clean --jobs', () => {
  it('gives byte-identical records with two threads (the main thread and a worker) and with one, in input order', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-jobs-'))
    // Five batches of 64 records: by the runner's rule (pipeline/pool.ts) the
    // worker takes the first two and the main thread cleans a batch whenever
    // the worker holds two, so the output mixes both (2 of 5 in the main
    // thread when this was written, seen by instrumenting the bundle).
    const lines = Array.from({length: 300}, (_, n) =>
      JSON.stringify({id: `r${n}`, text: wireStory(n)}),
    )
    writeFileSync(join(folder, 'wire.jsonl'), `${lines.join('\n')}\n`)
    const one = copydesk([
      'clean',
      join(folder, 'wire.jsonl'),
      '--jobs',
      '1',
      '--no-score',
      '--quiet',
    ])
    const two = copydesk([
      'clean',
      join(folder, 'wire.jsonl'),
      '--jobs',
      '2',
      '--no-score',
      '--quiet',
    ])
    expect(one.code).toBe(0)
    expect(two.code).toBe(0)
    expect(two.stdout).toBe(one.stdout)
    const records = parseLines(two.stdout)
    expect(records.map((record) => record.id)).toEqual(lines.map((_, n) => `r${n}`))
    expect(records[3]?.text).toMatch(/^Rep\. Lena Ortiz \(D-Calif\.\) said/)
  })

  it('refuses a --jobs that is not a positive whole number', () => {
    const result = copydesk(['clean', '--jobs', '0'], 'Text.')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--jobs/)
  })
})

describe('input formats through the CLI', () => {
  it('reads CSV on stdin with --format csv, stamping every record', () => {
    const csv = `id,title,content\n7,"Port plan","${card}"\n8,"Cut short"\n`
    const result = copydesk(['clean', '--format', 'csv', '--no-score', '--quiet'], csv)
    expect(result.code).toBe(1) // the row without content
    const [first, second] = parseLines(result.stdout)
    expect(first).toMatchObject({
      id: '7',
      text: 'Rep. Lena Ortiz (D-Calif.) said the plan was sound.',
    })
    expect(first?.copydesk).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      configHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    })
    expect(second).toMatchObject({id: '8', line: 3, error: expect.stringMatching(/content/)})
    expect(second?.copydesk).toEqual(first?.copydesk)
  })

  it('changes the config hash with the configuration, not with the input', () => {
    const scored = copydesk(['clean', '--jsonl', '--quiet'], JSON.stringify({text: 'One.'}))
    const again = copydesk(['clean', '--jsonl', '--quiet'], JSON.stringify({text: 'Two.'}))
    const unscored = copydesk(
      ['clean', '--jsonl', '--no-score', '--quiet'],
      JSON.stringify({text: 'One.'}),
    )
    const hash = (stdout: string) =>
      (parseLines(stdout)[0]?.copydesk as {configHash?: string} | undefined)?.configHash
    expect(hash(again.stdout)).toBe(hash(scored.stdout))
    expect(hash(unscored.stdout)).not.toBe(hash(scored.stdout))
  })

  it('writes one text file per article with --text-files, and plain JSONL for gzipped JSONL', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-texts-'))
    writeFileSync(
      join(folder, 'feed.csv'),
      `id,content\n7,"${card}"\n8,"Ferries resume on Friday."\n`,
    )
    writeFileSync(
      join(folder, 'wire.jsonl.gz'),
      gzipSync(`${JSON.stringify({id: 'a/b', text: 'Rain closed the pass.'})}\n`),
    )
    const out = join(folder, 'out')
    const result = copydesk([
      'clean',
      folder,
      '--out',
      out,
      '--text-files',
      '--no-score',
      '--quiet',
    ])
    expect(result.code, result.stderr).toBe(0)
    const text = (path: string) => readFileSync(join(out, path), 'utf8')
    expect(text('texts/feed.csv/000001-7.txt')).toBe(
      'Rep. Lena Ortiz (D-Calif.) said the plan was sound.\n',
    )
    expect(text('texts/feed.csv/000002-8.txt')).toBe('Ferries resume on Friday.\n')
    expect(text('texts/wire.jsonl.gz/000001-a_b.txt')).toBe('Rain closed the pass.\n')
    expect(parseLines(text('wire.jsonl'))[0]).toMatchObject({
      id: 'a/b',
      text: 'Rain closed the pass.',
    })
  })

  it('refuses, before writing anything, outputs that would overwrite an input or each other', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-clash-'))
    for (const name of ['a', 'b']) mkdirSync(join(folder, name))
    const story = 'Rates  rose on Tuesday.\n'
    for (const path of ['a/story.txt', 'b/story.txt']) writeFileSync(join(folder, path), story)
    writeFileSync(join(folder, 'a/feed.jsonl'), `${JSON.stringify({id: 1, text: story})}\n`)
    // The input's own folder as --out: its cleaned copy would replace it.
    const own = copydesk(['clean', join(folder, 'a/story.txt'), '--out', join(folder, 'a')])
    expect(own.code).toBe(2)
    expect(own.stderr).toMatch(/would overwrite the input .*story\.txt/)
    expect(readFileSync(join(folder, 'a/story.txt'), 'utf8')).toBe(story)
    const feed = copydesk(['clean', join(folder, 'a/feed.jsonl'), '--out', join(folder, 'a')])
    expect(feed.code).toBe(2)
    expect(readdirSync(join(folder, 'a')).sort()).toEqual(['feed.jsonl', 'story.txt'])
    // Two inputs of one name, as files or as folders: both would write out/story.txt.
    for (const inputs of [
      ['a/story.txt', 'b/story.txt'],
      ['a', 'b'],
    ]) {
      const out = join(folder, 'out')
      const both = copydesk(['clean', ...inputs.map((path) => join(folder, path)), '--out', out])
      expect(both.code).toBe(2)
      expect(both.stderr).toMatch(/would both write .*story\.txt/)
      expect(existsSync(out)).toBe(false)
    }
  })

  it('refuses a pipe or a device named as input, and an --out that is a file, with a usage error', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-special-'))
    const story = join(folder, 'story.txt')
    writeFileSync(story, 'Rates rose.\n')
    // A named pipe with no writer would be waited on for ever; /dev/zero never ends.
    const pipe = join(folder, 'pipe.txt')
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0)
    for (const input of [pipe, '/dev/zero']) {
      const result = copydesk(['clean', input, '--out', join(folder, 'out')])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/Not a file or folder: .* \(a pipe or a device\)/)
    }
    const onFile = copydesk(['clean', story, '--out', story])
    expect(onFile.code).toBe(2)
    expect(onFile.stderr).toBe(`copydesk: --out ${story} is not a folder\n`)
    expect(readFileSync(story, 'utf8')).toBe('Rates rose.\n')
  })

  it('extracts HTML pages from a folder and from a gzipped WARC', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-html-'))
    const page = (title: string) =>
      `<!doctype html><html><head><title>${title}</title></head><body><nav>Home | World | Sport</nav>` +
      `<article><h1>${title}</h1><p>${card}</p><p>The harbour board will vote on the dredging plan next week, officials said on Tuesday.</p></article>` +
      '<footer>© Example News</footer></body></html>'
    writeFileSync(join(folder, 'port.html'), page('Port plan advances'))
    async function* body() {
      yield new TextEncoder().encode(page('Harbour vote set'))
    }
    const record = WARCRecord.create(
      {
        url: 'https://news.example/harbour',
        type: 'response',
        httpHeaders: {'Content-Type': 'text/html'},
      },
      body(),
    )
    writeFileSync(
      join(folder, 'crawl.warc.gz'),
      await WARCSerializer.serialize(record, {gzip: true}),
    )
    const out = join(folder, 'out')
    const result = copydesk(['clean', folder, '--out', out, '--no-score', '--quiet'])
    expect(result.code, result.stderr).toBe(0)
    const records = parseLines(readFileSync(join(out, 'copydesk-records.jsonl'), 'utf8'))
    expect(records.map((record) => record.id)).toEqual([
      'https://news.example/harbour',
      'port.html',
    ])
    for (const record of records) {
      expect(record.text).toMatch(/Rep\. Lena Ortiz \(D-Calif\.\) said the plan was sound\./)
      expect(record.text).not.toMatch(/Home \| World|© Example/)
    }
    expect(readFileSync(join(out, 'port.txt'), 'utf8')).toBe(`${records[1]?.text}\n`)
  })
})

describe('copydesk clean --keep-fields', () => {
  /** An export of a news database: metadata beside the text, some of it awkward. */
  function exportLines(): string[] {
    return Array.from({length: 300}, (_, n) => {
      if (n === 40) return '{"id": "cut-off", "title": "Half a line'
      const record: Record<string, unknown> = {
        id: `story-${n}`,
        title: `Water board, meeting ${n}`,
        url: `https://news.example/${n}`,
        published: n % 7 === 0 ? null : `2020-03-${String((n % 28) + 1).padStart(2, '0')}`,
        tags: n % 5 === 0 ? ['water', 'rates'] : [],
        byline: {name: 'A. Writer', desk: n % 2 === 0 ? 'metro' : 'business'},
      }
      // A record without its text still keeps its fields in its error record.
      if (n !== 77) record.text = wireStory(n)
      const line = JSON.stringify(record)
      // A field named like Object.prototype's accessor stays a field.
      return n === 12 ? line.replace(/\}$/, ',"__proto__":{"desk":"x"}}') : line
    })
  }

  it('carries the named fields into every record, as they were, with one thread or two', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-keep-'))
    const lines = exportLines()
    const input = join(folder, 'export.jsonl')
    writeFileSync(input, `${lines.join('\n')}\n`)
    const base = ['clean', input, '--no-score', '--quiet']
    const keep = ['--keep-fields', 'title, published,tags,byline,__proto__,absent']
    const one = copydesk([...base, ...keep, '--jobs', '1'])
    const two = copydesk([...base, ...keep, '--jobs', '2'])
    const plain = copydesk([...base, '--jobs', '2'])
    expect(one.code).toBe(1) // the cut-off line and the record without text
    expect(two.stdout).toBe(one.stdout)

    const records = parseLines(two.stdout)
    expect(records).toHaveLength(300)
    for (const [n, record] of records.entries()) {
      const line = lines[n] ?? ''
      if (n === 40) {
        // Not JSON: no field can be read, and none is made up.
        expect(record).toMatchObject({line: 41, error: expect.stringMatching(/Invalid JSON/)})
        expect(record).not.toHaveProperty('fields')
        continue
      }
      const source = JSON.parse(line) as Record<string, unknown>
      const wanted = ['title', 'published', 'tags', 'byline', '__proto__'].filter((name) =>
        Object.hasOwn(source, name),
      )
      const fields = record.fields as Record<string, unknown>
      expect(Object.keys(fields)).toEqual(wanted) // the input's order, absent ones left out
      for (const name of wanted) expect(fields[name]).toEqual(source[name])
      // The stamp stays last; the other fields are those of a run without the option.
      expect(Object.keys(record).at(-1)).toBe('copydesk')
      expect(Object.keys(record).at(-2)).toBe('fields')
    }
    expect(records[77]).toMatchObject({id: 'story-77', error: 'Missing field `text`'})
    expect(Object.keys(records[12]?.fields as object)).toContain('__proto__')
    expect(JSON.stringify(records[12]?.fields)).toMatch(/"__proto__":\{"desk":"x"\}/)

    // Taking `fields` out of each record gives back the run without the option, byte for byte.
    const stripped = one.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/,"fields":\{.*\},"copydesk":/, ',"copydesk":'))
    expect(stripped).toEqual(plain.stdout.trimEnd().split('\n'))
  })

  it("keeps every field but the id, text and HTML with '*', also in CSV (text in `content`)", () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-keep-'))
    const csv = join(folder, 'articles.csv')
    writeFileSync(
      csv,
      'id,title,publication,author,date,content\n' +
        `17,"Ports, rates and dredging",Harbor Times,Ana Lee,2017-01-03,"${card}"\n` +
        '18,Empty day,Harbor Times,,2017-01-04,\n',
    )
    const result = copydesk(['clean', csv, '--keep-fields', '*', '--no-score', '--quiet'])
    expect(result.code).toBe(0)
    const [first, second] = parseLines(result.stdout)
    expect(first).toMatchObject({
      id: '17',
      text: expect.stringMatching(/^Rep\. Lena Ortiz \(D-Calif\.\) said/),
      fields: {title: 'Ports, rates and dredging', publication: 'Harbor Times', author: 'Ana Lee'},
    })
    expect(Object.keys(first?.fields as object)).toEqual(['title', 'publication', 'author', 'date'])
    // An empty cell is kept as the empty string it is.
    expect(second).toMatchObject({id: '18', text: '', fields: {title: 'Empty day', author: ''}})

    const jsonl = copydesk(
      ['clean', '--jsonl', '--keep-fields', '*', '--text-field', 'body', '--quiet'],
      `${JSON.stringify({id: 3, body: 'Short text.', source: 'wire', rank: 2})}\n`,
    )
    expect(parseLines(jsonl.stdout)[0]?.fields).toEqual({source: 'wire', rank: 2})
  })

  it('refuses an empty field name', () => {
    const result = copydesk(['clean', '--jsonl', '--keep-fields', 'title,,url'], '{}')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--keep-fields takes field names separated by commas/)
  })
})

describe('copydesk clean --report and copydesk report -o', () => {
  it('refuse a report file that would replace an input, a record file or a mirror, or that names a folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-report-'))
    const input = join(folder, 'in.jsonl')
    const line = `${JSON.stringify({id: 'a', text: card})}\n`
    writeFileSync(input, line)
    const out = join(folder, 'out')
    for (const report of [
      input,
      join(out, 'copydesk-records.jsonl'),
      join(out, 'in.jsonl'),
      folder,
    ]) {
      const result = copydesk(['clean', input, '--out', out, '--report', report, '--quiet'])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(
        /--report .* (would replace .*, which the run reads or writes|is a folder)/,
      )
    }
    expect(readFileSync(input, 'utf8')).toBe(line)
    expect(existsSync(join(out, 'copydesk-records.jsonl'))).toBe(false)

    expect(copydesk(['clean', input, '--out', out, '--quiet']).code).toBe(0)
    const records = readFileSync(join(out, 'copydesk-records.jsonl'), 'utf8')
    const own = copydesk(['report', out, '-o', join(out, 'copydesk-records.jsonl')])
    expect(own.code).toBe(2)
    expect(own.stderr).toMatch(/--out .* would replace/)
    expect(readFileSync(join(out, 'copydesk-records.jsonl'), 'utf8')).toBe(records)
    // Elsewhere it is written.
    expect(copydesk(['report', out, '-o', join(folder, 'qa.html')]).code).toBe(0)
    expect(readFileSync(join(folder, 'qa.html'), 'utf8')).toMatch(/^<!doctype html>/i)
  })
})
