/**
 * Readers: every input format streamed as items in order, with bad input
 * turned into error items; paths, folders and globs expanded to inputs.
 */

import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {constants, gunzipSync, gzipSync} from 'node:zlib'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {WARCRecord, WARCSerializer} from 'warcio'
import {defaultFields, keptFields, parseLine, readLines} from '../pipeline/io/jsonl.js'
import {
  expandPaths,
  globCharacters,
  type InputFile,
  itemOfLine,
  kindOf,
  readInputFile,
  readStream,
} from '../pipeline/io/readers.js'
import {replacedWarning} from '../pipeline/io/utf8.js'
import {htmlType} from '../pipeline/io/warc.js'
import type {InputItem} from '../pipeline/item.js'
import {maxHtmlCharacters} from '../pipeline/limits.js'
import {temporaryName} from '../pipeline/resume-run.js'

const scratch = (): string => mkdtempSync(join(tmpdir(), 'copydesk-readers-'))

async function collect(items: AsyncIterable<InputItem>): Promise<InputItem[]> {
  const all: InputItem[] = []
  for await (const item of items) all.push(item)
  return all
}

async function readFileAt(path: string, relativePath: string, fields = defaultFields) {
  const file: InputFile = {path, relativePath}
  return collect(readInputFile(file, {fields}))
}

async function warcRecord(
  url: string,
  type: 'response' | 'request' | 'metadata',
  contentType: string,
  body: string,
  status = 200,
): Promise<Uint8Array> {
  async function* payload() {
    yield new TextEncoder().encode(body)
  }
  const record = WARCRecord.create(
    {
      url,
      type,
      ...(type === 'response'
        ? {httpHeaders: {'Content-Type': contentType}, statusline: `HTTP/1.1 ${status} X`}
        : {}),
    },
    payload(),
  )
  return WARCSerializer.serialize(record, {gzip: true})
}

describe('kindOf', () => {
  it('knows every input kind by its extension, gzipped or not', () => {
    expect(kindOf('a/story.txt')).toBe('text')
    expect(kindOf('notes.MD')).toBe('text')
    expect(kindOf('page.html')).toBe('html')
    expect(kindOf('wire.jsonl.gz')).toBe('jsonl')
    expect(kindOf('all-the-news.csv')).toBe('csv')
    expect(kindOf('CC-MAIN-2024.warc.gz')).toBe('warc')
    expect(kindOf('story.txt.gz')).toBeUndefined()
    expect(kindOf('photo.jpeg')).toBeUndefined()
    expect(kindOf('Makefile')).toBeUndefined()
  })
})

describe('CSV', () => {
  it('reads all-the-news style rows: header, quoted multi-line content, the id column', async () => {
    const csv = [
      ',id,title,publication,content',
      '0,17283,"Council backs plan","The Ledger","The council voted 7-2 on Tuesday.',
      '',
      'A second paragraph, with ""quotes"" inside."',
      '1,17284,Short one,The Ledger,Ferries resume on Friday.',
      '2,17285,No body,The Ledger',
    ].join('\n')
    const items = await collect(readStream('csv', Readable.from([csv]), defaultFields, 'news.csv'))
    expect(items).toEqual([
      {
        file: 'news.csv',
        line: 2,
        id: '17283',
        text: 'The council voted 7-2 on Tuesday.\n\nA second paragraph, with "quotes" inside.',
      },
      {file: 'news.csv', line: 5, id: '17284', text: 'Ferries resume on Friday.'},
      {file: 'news.csv', line: 6, id: '17285', error: 'Row has no `content` value'},
    ])
  })

  it('honours --text-field and --id-field, and says so when no text column exists', async () => {
    const csv = 'url,story\nhttps://example.org/a,Harbour reopens after storm.\n'
    const fields = {id: 'url', text: 'story'}
    const items = await collect(readStream('csv', Readable.from([csv]), fields))
    expect(items).toEqual([
      {line: 2, id: 'https://example.org/a', text: 'Harbour reopens after storm.'},
    ])
    const none = await collect(readStream('csv', Readable.from(['a,b\n1,2\n']), defaultFields))
    expect(none[0]?.error).toMatch(/No text column/)
  })

  it('reads every row of a file whose line endings are mixed', async () => {
    // Line endings were found from the first line alone: CRLF there made every
    // later LF-only row part of the row before, with no error.
    const rows = Array.from({length: 40}, (_, index) => `${index + 2},Row ${index + 2}.`)
    const csv = `id,text\r\n1,First row.\r\n${rows.join('\n')}\n41,Last.\r`
    const items = await collect(readStream('csv', Readable.from([csv]), defaultFields))
    expect(items.map((item) => item.text)).toEqual([
      'First row.',
      ...rows.map((row) => row.slice(row.indexOf(',') + 1)),
      'Last.',
    ])
  })

  it('reads a spreadsheet export in windows-1252, saying so on every record', async () => {
    const rows = [
      'id,title,content',
      '1,Café,"Le conseil municipal a approuvé mercredi le budget de l\'année prochaine, après trois heures de débats animés. Les élus de l\'opposition ont dénoncé une hausse des impôts fonciers."',
      '2,Économie,"La société a annoncé la fermeture de son usine près de Genève. Quelque 240 employés seront touchés, selon le syndicat, qui réclame des négociations immédiates."',
      '3,Météo,"Des pluies abondantes sont prévues jusqu\'à dimanche sur le sud-est du pays. Les autorités conseillent d\'éviter les déplacements inutiles près des rivières."',
    ]
    const bytes = iconv.encode(`${rows.join('\r\n')}\r\n`, 'windows-1252')
    const items = await collect(readStream('csv', Readable.from([bytes]), defaultFields))
    expect(items).toHaveLength(3)
    expect(items[0]?.text).toMatch(/^Le conseil municipal a approuvé mercredi/)
    expect(items.map((item) => item.text).join('')).not.toContain('\uFFFD')
    for (const item of items) {
      expect(item.warnings).toEqual([
        expect.stringMatching(
          /^Input is not valid UTF-8: decoded as windows-1252 \(detected by chardet/,
        ),
      ])
    }
    // UTF-8, the usual case, says nothing.
    const utf8 = await collect(
      readStream('csv', Readable.from([Buffer.from(rows.join('\n'))]), defaultFields),
    )
    expect(utf8.map((item) => item.warnings)).toEqual([undefined, undefined, undefined])
  })

  it('keeps a quote inside an unquoted field, and reads on past a row it cannot read', async () => {
    const csv = [
      'id,text',
      '1,Fine.',
      '2,He said "no" twice.',
      '3,Hello, world.',
      '4,"Quoted, fine."',
      '5,After.',
    ].join('\n')
    const items = await collect(readStream('csv', Readable.from([csv]), defaultFields, 'x.csv'))
    expect(items).toEqual([
      {file: 'x.csv', line: 2, id: '1', text: 'Fine.'},
      {file: 'x.csv', line: 3, id: '2', text: 'He said "no" twice.'},
      // An unquoted comma: more fields than the header, so the text is not known.
      {
        file: 'x.csv',
        line: 4,
        error: 'Invalid CSV row: Invalid Record Length: columns length is 2, got 3 on line 4',
      },
      {file: 'x.csv', line: 5, id: '4', text: 'Quoted, fine.'},
      {file: 'x.csv', line: 6, id: '5', text: 'After.'},
    ])
  })

  it('turns a broken file into one error item and goes no further', async () => {
    const csv = 'id,text\n1,"Fine row."\n2,"unclosed quote\n'
    const items = await collect(readStream('csv', Readable.from([csv]), defaultFields))
    expect(items[0]).toEqual({line: 2, id: '1', text: 'Fine row.'})
    expect(items.at(-1)?.error).toMatch(/Invalid CSV/)
  })
})

describe('CSV bytes that are not UTF-8, in a file that starts as UTF-8', () => {
  it('become U+FFFD with a warning on the rows that hold them', async () => {
    // Past the 64 KiB the encoding is judged on, so the file is read as UTF-8.
    const start = Array.from(
      {length: 1500},
      (_, n) => `${n + 10},"Résumé of row ${n}, all of it UTF-8: déjà vu."\n`,
    )
    const bytes = Buffer.concat([
      Buffer.from(
        `id,text\n${start.join('')}1,"Fine, with a literal \uFFFD."\n2,"Two lines,\nthe second caf`,
      ),
      Buffer.from([0xe9]),
      Buffer.from('."\n3,Fine again.\n'),
    ])
    expect(bytes.length).toBeGreaterThan(65536)
    for (const size of [7, 4096, bytes.length]) {
      const chunks: Buffer[] = []
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
      const items = await collect(readStream('csv', Readable.from(chunks), defaultFields))
      expect(items.slice(-3).map((item) => [item.id, item.warnings])).toEqual([
        ['1', undefined],
        ['2', [replacedWarning]],
        ['3', undefined],
      ])
      expect(items.filter((item) => item.warnings !== undefined)).toHaveLength(1)
    }
  })
})

describe('JSONL bytes that are not UTF-8', () => {
  it('become U+FFFD with a warning on the lines that show it, however the bytes are chunked', async () => {
    const lines = [
      Buffer.from('{"id":1,"text":"A literal \uFFFD before any bad byte."}\n'),
      Buffer.concat([
        Buffer.from('{"id":2,"text":"caf'),
        Buffer.from([0xe9]),
        Buffer.from(' au lait."}\n'),
      ]),
      Buffer.from('{"id":3,"text":"Fine, and après the bad byte."}\n'),
    ]
    const bytes = Buffer.concat(lines)
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const chunks: Buffer[] = []
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
      const items = await collect(readStream('jsonl', Readable.from(chunks), defaultFields))
      expect(items.map((item) => [item.id, item.text, item.warnings])).toEqual([
        [1, 'A literal \uFFFD before any bad byte.', undefined],
        [2, 'caf\uFFFD au lait.', [replacedWarning]],
        [3, 'Fine, and après the bad byte.', undefined],
      ])
    }
  })
})

describe('JSONL', () => {
  it('reads gzipped JSONL, HTML fields, and keeps bad lines as errors in place', async () => {
    const folder = scratch()
    const lines = [
      JSON.stringify({id: 'a', text: 'Trains ran late on Monday.'}),
      '{"id": "b", ',
      JSON.stringify({id: 'c', page: '<p>Hi</p>', link: 'https://example.org/c'}),
      JSON.stringify({id: 'd', page: 12}),
      JSON.stringify({id: {$oid: '64f0c2'}, text: 'Exported from a database.'}),
      JSON.stringify({id: null, text: 'No id at all.'}),
    ]
    writeFileSync(join(folder, 'wire.jsonl.gz'), gzipSync(lines.join('\n')))
    const items = await readFileAt(join(folder, 'wire.jsonl.gz'), 'wire.jsonl.gz', {
      id: 'id',
      text: 'text',
      html: 'page',
      url: 'link',
    })
    expect(items[0]).toEqual({
      file: 'wire.jsonl.gz',
      line: 1,
      id: 'a',
      text: 'Trains ran late on Monday.',
    })
    expect(items[1]?.error).toMatch(/Invalid JSON/)
    expect(items[2]).toEqual({
      file: 'wire.jsonl.gz',
      line: 3,
      id: 'c',
      html: '<p>Hi</p>',
      url: 'https://example.org/c',
    })
    // The HTML field there, of the wrong type: said so, not "missing".
    expect(items[3]).toEqual({
      file: 'wire.jsonl.gz',
      line: 4,
      id: 'd',
      error: 'Field `page` is not a string',
    })
    // An id of another kind is kept as its JSON text; null is no id.
    expect(items[4]).toMatchObject({line: 5, id: '{"$oid":"64f0c2"}'})
    expect(items[5]).toEqual({file: 'wire.jsonl.gz', line: 6, text: 'No id at all.'})
  })
})

describe('WARC', () => {
  it('yields the HTML responses of a gzipped WARC and passes over everything else', async () => {
    const folder = scratch()
    const records = [
      await warcRecord(
        'https://news.example/one',
        'response',
        'text/html; charset=utf-8',
        '<p>One</p>',
      ),
      await warcRecord('https://news.example/one', 'request', '', 'GET /one HTTP/1.1\r\n\r\n'),
      await warcRecord('https://news.example/logo', 'response', 'image/png', 'PNG'),
      await warcRecord('https://news.example/gone', 'response', 'text/html', '<p>Gone</p>', 404),
      await warcRecord(
        'https://news.example/two',
        'response',
        'application/xhtml+xml',
        '<p>Two</p>',
      ),
    ]
    writeFileSync(join(folder, 'crawl.warc.gz'), Buffer.concat(records))
    const items = await readFileAt(join(folder, 'crawl.warc.gz'), 'crawl.warc.gz')
    expect(items.map((item) => [item.id, item.html])).toEqual([
      ['https://news.example/one', '<p>One</p>'],
      ['https://news.example/two', '<p>Two</p>'],
    ])
    expect(items[0]?.url).toBe('https://news.example/one')
  })
})

describe('a WARC page sent chunked and gzipped', () => {
  it('is read as the browser would see it', async () => {
    const html = '<html><body><p>Chunked and gzipped page.</p></body></html>'
    const gzipped = gzipSync(html)
    const body = Buffer.concat([
      Buffer.from(`${gzipped.length.toString(16)}\r\n`),
      gzipped,
      Buffer.from('\r\n0\r\n\r\n'),
    ])
    async function* payload() {
      yield new Uint8Array(body)
    }
    const record = WARCRecord.create(
      {
        url: 'https://news.example/packed',
        type: 'response',
        httpHeaders: {
          'Content-Type': 'text/html',
          'Transfer-Encoding': 'chunked',
          'Content-Encoding': 'gzip',
        },
        statusline: 'HTTP/1.1 200 OK',
      },
      payload(),
    )
    const bytes = await WARCSerializer.serialize(record, {gzip: true})
    const items = []
    for await (const item of readStream('warc', Readable.from([bytes]), defaultFields)) {
      items.push(item)
    }
    expect(items.map((item) => [item.id, item.html, item.error])).toEqual([
      ['https://news.example/packed', html, undefined],
    ])
  })
})

describe('a WARC file cut short', () => {
  it('at any byte, ends with the whole pages before the cut, and an error unless the cut falls between records', () => {
    // In a child process with a time limit: warcio once looped for ever on a
    // record whose Content-Length ran past the end of the file.
    const reader = pathToFileURL(
      fileURLToPath(new URL('../dist/pipeline/io/warc.js', import.meta.url)),
    )
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('./warc-cuts.mjs', import.meta.url)), reader.href],
      {encoding: 'utf8', timeout: 20_000, cwd: fileURLToPath(new URL('..', import.meta.url))},
    )
    expect(child.error).toBeUndefined()
    expect(child.status, child.stderr).toBe(0)
    type Cut = {cut: number; items: Array<{record: number; html?: string; error?: string}>}
    const result = JSON.parse(child.stdout) as Record<
      'plain' | 'gzip',
      {length: number; boundaries: number[]; cuts: Cut[]}
    >
    const pages = ['<p>One</p>', undefined, '<p>Two</p>']
    for (const {length, boundaries, cuts} of Object.values(result)) {
      expect(cuts).toHaveLength(length + 1)
      for (const {cut, items} of cuts) {
        // The pages of the whole records before the cut, in order; the page of
        // the record cut may come too, whole, when only its closing line breaks
        // are missing. Never a part of a page.
        const whole = boundaries.filter((end) => end <= cut).length
        const before = pages.slice(0, whole).filter((page) => page !== undefined)
        const upTo = pages.slice(0, whole + 1).filter((page) => page !== undefined)
        const read = items.filter((item) => item.html !== undefined).map((item) => item.html)
        expect([before, upTo], `cut at ${cut}`).toContainEqual(read)
        const errors = items.filter((item) => item.error !== undefined)
        if (cut === 0 || boundaries.includes(cut)) expect(errors, `cut at ${cut}`).toEqual([])
        else {
          expect(errors, `cut at ${cut}`).toHaveLength(1)
          // (Cut within its first bytes, a record does not even show it is one.)
          const intoRecord = cut - (boundaries.filter((end) => end <= cut).at(-1) ?? 0)
          expect(errors[0]?.error).toMatch(
            intoRecord < 'WARC/1.1'.length ? /cut short|WARC version line/ : /cut short/,
          )
          // The error names the record the cut is in (or the last one read).
          expect(errors[0]?.record).toBeGreaterThanOrEqual(whole)
        }
      }
    }
  })
})

describe('a file that is not a WARC', () => {
  it('is one error, gzipped or not, however warcio reads it', async () => {
    for (const bytes of [
      gzipSync('Just some words.\n'),
      Buffer.from('<html>Not a crawl</html>\r\n\r\n'),
    ]) {
      const items = []
      for await (const item of readStream(
        'warc',
        Readable.from([bytes]),
        defaultFields,
        'x.warc',
      )) {
        items.push(item)
      }
      expect(items).toEqual([
        {
          file: 'x.warc',
          id: 'record 1',
          error: 'Not a WARC file: it does not open with a WARC version line',
        },
      ])
    }
  })
})

describe('whole-file inputs and paths', () => {
  it('reads text and Markdown files whole, refuses binary ones', async () => {
    const folder = scratch()
    writeFileSync(join(folder, 'note.md'), '# Budget\n\nThe budget passed.\n')
    writeFileSync(join(folder, 'photo.txt'), Buffer.from([0xff, 0xd8, 0, 0, 1]))
    expect(await readFileAt(join(folder, 'note.md'), 'note.md')).toEqual([
      {file: 'note.md', id: 'note.md', text: '# Budget\n\nThe budget passed.\n', warnings: []},
    ])
    const binary = await readFileAt(join(folder, 'photo.txt'), 'photo.txt')
    expect(binary[0]?.error).toMatch(/binary/)
  })

  it('names each file once, and keeps a dangling link to an input as a file that cannot be read', async () => {
    const folder = scratch()
    mkdirSync(join(folder, 'feed'))
    writeFileSync(join(folder, 'feed', 'a.txt'), 'One story.\n')
    symlinkSync('gone.txt', join(folder, 'feed', 'b.txt'))
    symlinkSync('gone.png', join(folder, 'feed', 'c.png'))
    const files = await expandPaths([
      join(folder, 'feed'),
      join(folder, 'feed', 'a.txt'),
      join(folder, 'feed', '..', 'feed', 'a.txt'),
    ])
    expect(files.map((file) => file.relativePath)).toEqual(['a.txt', 'b.txt'])
    const [broken] = await readFileAt(join(folder, 'feed', 'b.txt'), 'b.txt')
    expect(broken?.error).toMatch(/^Cannot read file: ENOENT/)
  })

  it('expands folders (sorted, inputs only) and glob patterns', async () => {
    const folder = scratch()
    mkdirSync(join(folder, 'b'))
    writeFileSync(join(folder, 'b', 'two.csv'), 'text\nx\n')
    writeFileSync(join(folder, 'a.txt'), 'One.')
    writeFileSync(join(folder, 'c.pdf'), 'not an input')
    writeFileSync(join(folder, 'd.warc.gz'), '')
    const files = await expandPaths([folder])
    expect(files.map((file) => file.relativePath)).toEqual([
      'a.txt',
      join('b', 'two.csv'),
      'd.warc.gz',
    ])
    const globbed = await expandPaths([join(folder, '**', '*.csv')])
    expect(globbed.map((file) => file.path)).toEqual([join(folder, 'b', 'two.csv')])
    await expect(expandPaths([join(folder, '*.docx')])).rejects.toThrow(/No input files match/)
  })
})

describe('linear-time patterns on adversarial input', () => {
  // Each pattern against ≈1 MB built to make a backtracking pattern blow up; a
  // linear one finishes in milliseconds, so the bound is generous.
  const cases: Array<[string, RegExp, string]> = [
    ['WARC content type', htmlType, `${' '.repeat(1_000_000)}text/htmlx`],
    ['temporary file name', temporaryName, `.${'.copydesk-'.repeat(100_000)}tmp-1-zz`],
    ['glob characters', globCharacters, 'a/'.repeat(500_000)],
  ]
  for (const [name, pattern, input] of cases) {
    it(`${name}: 1 MB in well under a second`, () => {
      const started = performance.now()
      pattern.test(input)
      expect(performance.now() - started).toBeLessThan(1000)
    })
  }
})

describe('readLines', () => {
  it('splits like String.split on \\n and \\r\\n, however the bytes are chunked', async () => {
    const fc = await import('fast-check')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({unit: fc.constantFrom('a', 'é', '€', '\n', '\r', ' ')}), {
          maxLength: 8,
        }),
        fc.integer({min: 1, max: 7}),
        async (parts, size) => {
          const text = parts.join('\n')
          const bytes = Buffer.from(text)
          const chunks: Buffer[] = []
          for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
          const lines: string[] = []
          for await (const line of readLines(Readable.from(chunks))) lines.push(line as string)
          // A last line without a newline is a line; an empty one after the last newline is not.
          const raw = text.split('\n')
          if (raw.at(-1) === '') raw.pop()
          const expected = raw.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
          expect(lines).toEqual(expected)
        },
      ),
    )
  })

  it('reads a chunk only when the lines before it are taken (back-pressure)', async () => {
    let pulled = 0
    const source = new Readable({
      read() {
        pulled++
        this.push(
          pulled > 10_000 ? null : `${JSON.stringify({id: pulled, text: 'Storm closes port.'})}\n`,
        )
      },
      highWaterMark: 1,
    })
    let taken = 0
    for await (const _line of readLines(source)) {
      if (++taken === 50) break
    }
    expect(pulled).toBeLessThan(200)
  })

  it('turns an overlong line into one error and goes on; linear on 1 MB without newlines', async () => {
    const started = performance.now()
    const lines: Array<string | {overlong: number}> = []
    const big = 'x'.repeat(1_000_000)
    for await (const line of readLines(Readable.from([big, big, '\nnext\n']))) lines.push(line)
    expect(lines).toEqual([big + big, 'next'])
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('kept fields (--keep-fields)', () => {
  const line = JSON.stringify({
    id: 9,
    page: '<p>Body</p>',
    url: 'https://news.example/9',
    title: 'Harbor',
    score: 0.5,
  })

  it("keeps every field but the id, text and HTML with '*', in the input's order", () => {
    const fields = {...defaultFields, html: 'page', keep: ['*']}
    expect(parseLine(line, 1, fields)).toMatchObject({
      html: '<p>Body</p>',
      extra: {url: 'https://news.example/9', title: 'Harbor', score: 0.5},
    })
    const kept = (parseLine(line, 1, fields) as {extra: object}).extra
    expect(Object.keys(kept)).toEqual(['url', 'title', 'score'])
  })

  it('gives an empty set when the line has none of the names, and nothing without the option', () => {
    const none = parseLine(line, 1, {...defaultFields, keep: ['author']}) as {extra?: object}
    expect(none.extra && Object.keys(none.extra)).toEqual([])
    expect(parseLine(line, 1, defaultFields)).not.toHaveProperty('extra')
    expect(keptFields({id: 1, text: 'x'}, defaultFields)).toBeUndefined()
  })
})

describe('gzipped inputs that are damaged', () => {
  const rows = Array.from({length: 3000}, (_, n) => `r${n},"Story ${n}, filed late."`)
  const csv = `id,text\n${rows.join('\n')}\n`
  const jsonl = `${rows.map((_, n) => JSON.stringify({id: `r${n}`, text: `Story ${n}.`})).join('\n')}\n`

  /** The lines a gzip cut at `bytes` still holds whole (what `zcat` recovers, its last line cut short dropped). */
  function wholeLinesBefore(gzipped: Buffer): string[] {
    const text = gunzipSync(gzipped, {finishFlush: constants.Z_SYNC_FLUSH}).toString('utf8')
    return text.slice(0, text.lastIndexOf('\n')).split('\n')
  }

  it('keeps every CSV row before a cut, drops the row the cut runs through, and says the file is cut', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-gz-'))
    const gzipped = gzipSync(csv)
    for (const at of [900, Math.floor(gzipped.length / 2), gzipped.length - 5]) {
      const cut = gzipped.subarray(0, at)
      writeFileSync(join(folder, 'cut.csv.gz'), cut)
      const items = await readFileAt(join(folder, 'cut.csv.gz'), 'cut.csv.gz')
      const whole = wholeLinesBefore(cut).slice(1) // less the header
      const records = items.filter((item) => item.error === undefined)
      expect(records.map((item) => item.id)).toEqual(whole.map((line) => line.split(',')[0]))
      expect(records.at(-1)?.text).toMatch(/^Story \d+, filed late\.$/)
      expect(items.at(-1)).toMatchObject({error: 'Cannot read file: unexpected end of file'})
    }
  })

  it('keeps every JSONL record decompressed before bytes that are not gzip', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-gz-'))
    // One stray byte after the end: the records decompress whole. (Read
    // through the stream's own iterator, the last 208 of 3,000 were lost.)
    for (const count of [1000, 3000]) {
      const text = jsonl.split('\n').slice(0, count).join('\n')
      const gzipped = Buffer.concat([gzipSync(`${text}\n`), Buffer.from('\n')])
      writeFileSync(join(folder, 'tail.jsonl.gz'), gzipped)
      // Taken as a batch takes them: a turn of the event loop an item, so the unzipper waits on the reader.
      const items: InputItem[] = []
      const file = {path: join(folder, 'tail.jsonl.gz'), relativePath: 'tail.jsonl.gz'}
      for await (const item of readInputFile(file, {fields: defaultFields, rawJsonl: true})) {
        items.push(item.json === undefined ? item : itemOfLine(item, defaultFields))
        await new Promise((resolve) => setImmediate(resolve))
      }
      expect(items.filter((item) => item.text !== undefined)).toHaveLength(count)
      expect(items.at(-1)).toMatchObject({error: expect.stringMatching(/^Cannot read file: /)})
    }
  })

  it('is one error, not a crash, for a .csv.gz that is not gzip or is empty', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-gz-'))
    writeFileSync(join(folder, 'plain.csv.gz'), 'id,text\na,b\n')
    writeFileSync(join(folder, 'empty.csv.gz'), '')
    for (const name of ['plain.csv.gz', 'empty.csv.gz']) {
      const items = await readFileAt(join(folder, name), name)
      expect(items).toEqual([
        {file: name, line: 2, error: expect.stringMatching(/^Cannot read file: /)},
      ])
    }
  })
})

describe('a WARC page too large to read', () => {
  /** A response record written out by hand, its payload sent gzipped. */
  function response(url: string, html: Buffer, gzipped: boolean): Buffer {
    const head = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n${gzipped ? 'Content-Encoding: gzip\r\n' : ''}\r\n`
    const body = Buffer.concat([Buffer.from(head), gzipped ? gzipSync(html) : html])
    const warc =
      `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\n` +
      `Content-Type: application/http; msgtype=response\r\nContent-Length: ${body.length}\r\n\r\n`
    return Buffer.concat([Buffer.from(warc), body, Buffer.from('\r\n\r\n')])
  }

  it('is an error of its own (a gzip of 65 KB unpacking to 67 MB), the pages around it read', async () => {
    const folder = scratch()
    const huge = Buffer.alloc(maxHtmlCharacters + 1024, 'a')
    huge.write('<p>', 0)
    const small = Buffer.from('<p>The council met.</p>')
    writeFileSync(
      join(folder, 'bomb.warc'),
      Buffer.concat([
        response('https://news.example/a', small, false),
        response('https://news.example/bomb', huge, true),
        response('https://news.example/b', small, true),
      ]),
    )
    const items = await readFileAt(join(folder, 'bomb.warc'), 'bomb.warc')
    expect(items.map((item) => [item.id, item.html ?? item.error])).toEqual([
      ['https://news.example/a', '<p>The council met.</p>'],
      ['https://news.example/bomb', expect.stringMatching(/^Skipped: HTML too large: 67,109,888/)],
      ['https://news.example/b', '<p>The council met.</p>'],
    ])
  })
})

describe('a WARC response whose HTTP head ends in bare line feeds', () => {
  it('is an error of its own, not an empty page; an empty page is still a page', async () => {
    const folder = scratch()
    const record = (url: string, body: string): Buffer => {
      const warc =
        `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\n` +
        `Content-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`
      return Buffer.from(`${warc}${body}\r\n\r\n`)
    }
    const page =
      '<html><body><p>The harbour board voted to widen the north channel.</p></body></html>'
    writeFileSync(
      join(folder, 'lf.warc'),
      Buffer.concat([
        record('https://news.example/a', `HTTP/1.1 200 OK\nContent-Type: text/html\n\n${page}`),
        record('https://news.example/empty', 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'),
        record(
          'https://news.example/b',
          `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${page}`,
        ),
      ]),
    )
    const items = await readFileAt(join(folder, 'lf.warc'), 'lf.warc')
    expect(items.map((item) => [item.id, item.html ?? item.error])).toEqual([
      ['https://news.example/a', expect.stringMatching(/HTTP head may not end in a blank line/)],
      ['https://news.example/empty', ''],
      ['https://news.example/b', page],
    ])
  })
})
