/**
 * Hostile inputs through the built CLI, each with its own check: a 100 MB
 * single line, deeply nested JSON, NUL bytes, invalid UTF-8, CSV with an
 * unbalanced quote, WARC records whose Content-Length lies, 100,000 nested
 * divs, record ids that look like paths or device names, and folder links
 * that loop. The run never crashes or hangs, every input item comes out as a
 * record or an error record, every output is valid UTF-8 and JSON, and
 * nothing is written outside `--out`.
 */
import {spawnSync} from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {defaultFields} from '../../pipeline/io/jsonl.js'
import {readInputFile} from '../../pipeline/io/readers.js'

const cli = fileURLToPath(new URL('../../dist/pipeline/cli.js', import.meta.url))
const sandbox = mkdtempSync(join(tmpdir(), 'copydesk-hostile-'))
afterAll(() => rmSync(sandbox, {recursive: true, force: true}))

function run(args: string[], input?: Uint8Array | string) {
  const result = spawnSync(process.execPath, [cli, ...args, '--no-progress', '--quiet'], {
    input,
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  })
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: String(result.stderr),
  }
}

/** Parse JSONL bytes strictly: valid UTF-8, one JSON object a line. */
function records(bytes: Uint8Array): Array<Record<string, unknown>> {
  const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** Every file under `folder`, relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort()
}

const story = 'The harbour board approved a new ferry timetable on Tuesday after months of talks.'
const nested = (depth: number): unknown =>
  depth === 0 ? 'core' : {level: depth, inner: nested(depth - 1)}

function warcRecord(headers: Record<string, string>, body: string, lie = 0): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  const length = Buffer.byteLength(body) + lie
  return `WARC/1.0\r\n${lines.join('\r\n')}\r\nContent-Length: ${length}\r\n\r\n${body}\r\n\r\n`
}

function warcResponse(url: string, html: string, lie = 0): string {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`
  return warcRecord(
    {
      'WARC-Type': 'response',
      'WARC-Target-URI': url,
      'Content-Type': 'application/http; msgtype=response',
    },
    http,
    lie,
  )
}

describe('hostile inputs through copydesk clean', () => {
  it('reads a 100 MB single line as one error record and goes on to the next line', () => {
    const path = join(sandbox, 'huge-line.jsonl')
    const file = openSync(path, 'w')
    writeSync(file, '{"id": "huge", "text": "')
    const chunk = 'a'.repeat(1024 * 1024)
    for (let index = 0; index < 100; index++) writeSync(file, chunk)
    // No closing quote: a line cut off by the crawler.
    writeSync(file, `\n${JSON.stringify({id: 'after', text: story})}\n`)
    closeSync(file)
    const result = run(['clean', path, '--no-score'])
    rmSync(path)
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1)
    const out = records(result.stdout)
    expect(out).toHaveLength(2)
    expect(out[0]).toMatchObject({line: 1, error: expect.stringMatching(/JSON|too long/i)})
    expect(out[1]).toMatchObject({id: 'after', text: story})
  }, 180_000)

  it('takes deep JSON, NUL bytes and invalid UTF-8 in JSONL, one record per line', () => {
    const lines: Uint8Array[] = [
      Buffer.from(JSON.stringify({id: 'deep-object', text: nested(10)})),
      Buffer.from(
        JSON.stringify({id: 'deep-string', text: `${story} ${JSON.stringify(nested(10))}`}),
      ),
      Buffer.from(JSON.stringify({id: 'deep-extra', text: story, extra: nested(10)})),
      Buffer.from(JSON.stringify({id: 'nul-escaped', text: `${story}\u0000 More text\u0000.`})),
      Buffer.concat([
        Buffer.from('{"id": "nul-raw", "text": "a'),
        Buffer.from([0]),
        Buffer.from('b"}'),
      ]),
      Buffer.concat([
        Buffer.from('{"id": "bad-utf8", "text": "Caf'),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
        Buffer.from(` ${story}"}`),
      ]),
    ]
    const input = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]))
    const result = run(['clean', '--jsonl'], input)
    expect(result.signal).toBeNull()
    const out = records(result.stdout)
    expect(out.map((record) => record.id ?? record.line)).toEqual([
      'deep-object',
      'deep-string',
      'deep-extra',
      'nul-escaped',
      5, // raw control characters are not JSON: an error record, by line
      'bad-utf8',
    ])
    expect(out[0]).toHaveProperty('error')
    expect(out[1]?.text).toContain('"inner"')
    expect(out[3]).toHaveProperty('text')
    expect(out[4]).toHaveProperty('error')
    expect(String(out[5]?.text)).toContain('\ufffd')
  })

  it('runs a folder of broken files to the end, every item once, nothing outside --out', () => {
    const root = join(sandbox, 'batch')
    const input = join(root, 'in')
    const out = join(root, 'out')
    mkdirSync(join(input, 'loop'), {recursive: true})
    writeFileSync(join(input, 'a-nul.txt'), Buffer.from(`${story}\0\0\0\0binary\0tail`))
    writeFileSync(
      join(input, 'b-quotes.csv'),
      `id,content\nq-1,"${story}"\nq-2,"The quote never closes, ${story}\nq-3,"${story}"\n`,
    )
    const page = (title: string): string =>
      `<html><head><title>${title}</title></head><body><article><p>${story}</p><p>${story}</p></article></body></html>`
    writeFileSync(
      join(input, 'c-lying.warc'),
      warcResponse('https://example.com/short', page('Short'), -40) +
        warcResponse('https://example.com/long', page('Long'), 5_000) +
        warcResponse('https://example.com/after', page('After')),
    )
    writeFileSync(
      join(input, 'd-nested.html'),
      `<html><body>${'<div>'.repeat(100_000)}<p>${story}</p>${'</div>'.repeat(100_000)}</body></html>`,
    )
    const hostileIds = [
      '../../etc/passwd',
      'CON',
      'nul',
      '..',
      '/abs/path',
      'a\\b',
      'COM1.txt',
      '\u0000',
      '',
    ]
    writeFileSync(
      join(input, 'e-ids.jsonl'),
      `${hostileIds.map((id) => JSON.stringify({id, text: `${story} (${id.length})`})).join('\n')}\n`,
    )
    writeFileSync(join(input, 'loop', 'f-inner.txt'), `${story}\n`)
    symlinkSync('.', join(input, 'loop', 'self'))
    symlinkSync('..', join(input, 'loop', 'parent'))
    symlinkSync(join(input, 'loop'), join(input, 'loop-again'))
    writeFileSync(join(input, 'z-last.txt'), `${story}\n`)

    const result = run(['clean', input, '--out', out, '--jobs', '1'])
    if (process.env.DEBUG_HOSTILE)
      console.log(
        readFileSync(join(out, 'copydesk-records.jsonl'), 'utf8')
          .split('\n')
          .map((line) => line.slice(0, 160))
          .join('\n'),
        filesUnder(out),
      )
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1) // some records failed, and their error records are in the output
    // Nothing but the inputs and --out in the sandbox folder.
    expect(readdirSync(root).sort()).toEqual(['in', 'out'])
    const written = filesUnder(out)
    for (const name of written) {
      expect(name.startsWith('..')).toBe(false)
      const bytes = readFileSync(join(out, name))
      new TextDecoder('utf-8', {fatal: true}).decode(bytes)
      if (name.endsWith('.jsonl')) records(bytes)
      if (name.endsWith('.json')) JSON.parse(bytes.toString('utf8'))
    }
    const all = records(readFileSync(join(out, 'copydesk-records.jsonl')))
    const ids = all.map((record) => String(record.id ?? record.file))
    expect(all.find((record) => record.id === 'a-nul.txt')).toHaveProperty('error')
    expect(ids).toContain('q-1')
    expect(all.find((record) => record.id === 'd-nested.html')?.text).toContain('ferry timetable')
    // Each id once, as data, in the mirrored output: none became a path.
    expect(records(readFileSync(join(out, 'e-ids.jsonl'))).map((record) => record.id)).toEqual(
      hostileIds,
    )
    expect(written.filter((name) => !name.includes('/'))).toEqual(
      expect.arrayContaining(['copydesk-records.jsonl', 'copydesk-summary.json', 'e-ids.jsonl']),
    )
    // The looped folder is read once, under its first name.
    expect(ids.filter((id) => id.endsWith('f-inner.txt'))).toEqual(['loop/f-inner.txt'])
    expect(ids.at(-1)).toBe('z-last.txt')
    // WARC: the lying records cost at most themselves; the file gives records or one error.
    expect(ids.some((id) => id.includes('example.com') || id.startsWith('c-lying.warc'))).toBe(true)
  }, 120_000)

  it('reads the pages after a WARC record whose HTML payload is binary', async () => {
    const path = join(sandbox, 'binary-page.warc')
    const page = `<html><body><p>${story}</p></body></html>`
    writeFileSync(
      path,
      warcResponse('https://example.com/binary', `\0\0\0PNG\0${'\u0001'.repeat(200)}`) +
        warcResponse('https://example.com/good', page),
    )
    const items = []
    for await (const item of readInputFile(
      {path, relativePath: 'binary-page.warc'},
      {fields: defaultFields},
    )) {
      items.push(item)
    }
    expect(items.map((item) => [item.id, 'error' in item])).toEqual([
      ['https://example.com/binary', true],
      ['https://example.com/good', false],
    ])
  })
})
