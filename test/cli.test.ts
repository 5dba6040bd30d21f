/**
 * End-to-end tests of the real `copydesk` binary (dist/, built by `pretest`).
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))
const seed = readFileSync(new URL('./fixtures/seed/raw.txt', import.meta.url))
const seedClean = readFileSync(
  new URL('./fixtures/seed/expected-clean.txt', import.meta.url),
  'utf8',
)

function copydesk(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const scratch = (): string => mkdtempSync(join(tmpdir(), 'copydesk-cli-'))

const card =
  'Sen. Jane RoeJane Ellen RoeSenate panel advances water bill Roe pushes for vote on dams MORE (D-Ore.) said on Monday that the bill would pass.'

/** The reproducibility stamp every record carries. */
const stamp = {
  version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  configHash: expect.stringMatching(/^[0-9a-f]{16}$/),
}

const digest = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

function listAll(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}

describe('copydesk clean (stdin → stdout)', () => {
  it('cleans the seed article to the gold text', () => {
    const result = copydesk(['clean'], seed)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(seedClean)
  })

  it('lists what would change with --dry-run, and changes nothing', () => {
    const result = copydesk(['clean', '--dry-run'], card)
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const start = card.indexOf('Jane Ellen') + 1
    const end = card.indexOf(' (D-Ore.)') + 1
    expect(lines[0]).toBe(
      `1:${start}-1:${end}\tremove-hill-blurbs:hill-related-blurb\t${JSON.stringify(card.slice(start - 1, end - 1))}`,
    )
  })

  it('gives empty output for empty input', () => {
    const result = copydesk(['clean'], '')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
  })

  it('decodes bytes that are not UTF-8 with replacement and a warning', () => {
    const bytes = Buffer.concat([
      Buffer.from('Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' owners met on Friday.'),
    ])
    const result = copydesk(['clean'], bytes)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('Caf\uFFFD owners met on Friday.\n')
    expect(result.stderr).toMatch(/not valid UTF-8: 1 invalid byte/)
  })

  it('refuses binary data on stdin with exit code 1', () => {
    const result = copydesk(['clean'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/binary/)
  })
})

describe('copydesk clean --jsonl', () => {
  it('writes one line per input line, in order, with error records for bad lines', () => {
    const input = [
      JSON.stringify({id: 'a', text: card}),
      '{"id": "b", "text": ',
      JSON.stringify({id: 'c', body: 'no text field here'}),
      '',
      JSON.stringify({id: 7, text: 'Plain text stays as it is.'}),
    ].join('\n')
    const result = copydesk(['clean', '--jsonl'], input)
    expect(result.code).toBe(1)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatchObject({
      id: 'a',
      text: 'Sen. Jane Roe (D-Ore.) said on Monday that the bill would pass.',
    })
    expect(lines[0].removed[0]).toMatchObject({
      ruleId: 'hill-related-blurb',
      start: card.indexOf('Jane Ellen'),
      end: card.indexOf('MORE') + 4,
    })
    expect(card.slice(lines[0].removed[0].start, lines[0].removed[0].end)).toBe(
      lines[0].removed[0].text,
    )
    expect(lines[0].readability.words).toBeGreaterThan(5)
    expect(
      lines[0].messages.some(
        (message: {source: string}) => message.source === 'remove-hill-blurbs',
      ),
    ).toBe(true)
    expect(lines[1]).toMatchObject({line: 2})
    expect(lines[1].error).toMatch(/Invalid JSON/)
    expect(lines[2]).toEqual({line: 3, id: 'c', error: 'Missing field `text`', copydesk: stamp})
    expect(lines[3]).toMatchObject({id: 7, text: 'Plain text stays as it is.', removed: []})
    expect(result.stderr).toMatch(
      /4 record\(s\), 3 cleaned, 1 error|4 record\(s\), 2 cleaned, 2 error/,
    )
  })

  it.skipIf(!existsSync('/dev/full'))(
    'says in one line, without a stack trace, that a full disk stopped it',
    () => {
      const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" clean > /dev/full`], {
        input: seed,
        encoding: 'utf8',
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toBe(
        'copydesk: cannot write standard output: ENOSPC: no space left on device, write\n',
      )
    },
  )

  it('refuses --jsonl with another --format', () => {
    const result = copydesk(['clean', '--jsonl', '--format', 'csv'], '{"id": "a", "text": "Hi."}\n')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--jsonl and --format csv name two formats/)
    expect(
      copydesk(['clean', '--jsonl', '--format', 'jsonl', '--quiet'], '{"id": "a", "text": "Hi."}\n')
        .code,
    ).toBe(0)
  })

  it('reads other field names with --id-field and --text-field', () => {
    const result = copydesk(
      ['clean', '--jsonl', '--id-field', 'url', '--text-field', 'content', '--quiet'],
      JSON.stringify({url: 'u1', content: card}),
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 'u1',
      text: expect.stringContaining('Jane Roe (D-Ore.)'),
    })
  })
})

describe('copydesk clean PATH --out DIR', () => {
  it('cleans files and folders, mirrors the tree, never touches the inputs', () => {
    const input = scratch()
    mkdirSync(join(input, 'nested'))
    writeFileSync(join(input, 'seed.txt'), seed)
    writeFileSync(join(input, 'nested', 'card.txt'), card)
    writeFileSync(join(input, 'empty.txt'), '')
    writeFileSync(
      join(input, 'image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    )
    writeFileSync(
      join(input, 'records.jsonl'),
      `${JSON.stringify({id: 'r1', text: card})}\nnot json\n`,
    )
    writeFileSync(join(input, 'notes.odt'), 'ignored: not an input extension')
    const before = listAll(input).map((name) => [name, digest(join(input, name))])
    const out = join(scratch(), 'out')

    const result = copydesk(['clean', input, '--out', out])

    expect(result.code).toBe(1) // the binary file and the bad JSONL line
    expect(listAll(input).map((name) => [name, digest(join(input, name))])).toEqual(before)
    expect(listAll(out)).toEqual([
      'copydesk-records.jsonl',
      'copydesk-summary.json',
      'empty.txt',
      'nested/card.txt',
      'records.jsonl',
      'seed.txt',
    ])
    expect(readFileSync(join(out, 'seed.txt'), 'utf8')).toBe(seedClean)
    expect(readFileSync(join(out, 'empty.txt'), 'utf8')).toBe('')
    const mirrored = readFileSync(join(out, 'records.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(mirrored).toHaveLength(2)
    expect(mirrored[0]).toMatchObject({
      id: 'r1',
      text: expect.stringContaining('Jane Roe (D-Ore.) said'),
    })
    expect(mirrored[1]).toEqual({
      line: 2,
      file: 'records.jsonl',
      error: expect.stringMatching(/Invalid JSON/),
      copydesk: stamp,
    })
    const records = readFileSync(join(out, 'copydesk-records.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(records).toHaveLength(6)
    const ids = records.map(
      (record: {id?: string; line?: number}) => record.id ?? `line ${record.line}`,
    )
    expect(ids).toContain('seed.txt')
    const binary = records.find((record: {id?: string}) => record.id === 'image.txt')
    expect(binary.error).toMatch(/binary/)
    const summary = JSON.parse(readFileSync(join(out, 'copydesk-summary.json'), 'utf8'))
    expect(summary).toMatchObject({errors: 2})
    expect(summary.removedByRule['hill-related-blurb']).toBeGreaterThanOrEqual(6)
  })

  it('writes records to stdout without --out', () => {
    const input = scratch()
    writeFileSync(join(input, 'card.txt'), card)
    const result = copydesk(['clean', join(input, 'card.txt'), '--quiet'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 'card.txt',
      removed: [{ruleId: 'hill-related-blurb'}],
    })
  })

  it('says so and exits 2 for a missing path', () => {
    const result = copydesk(['clean', '/no/such/place.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: No such file or folder: /no/such/place.txt\n')
    expect(result.stdout).toBe('')
  })

  it('exits 2 for an unknown option', () => {
    const result = copydesk(['clean', '--frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/frobnicate/)
  })
})
