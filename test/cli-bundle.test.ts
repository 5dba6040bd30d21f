/**
 * The `copydesk` command as `npm run build` leaves it (dist/, built by
 * `pretest`): bundled (scripts/bundle-cli.ts), reading the files its modules
 * read before bundling, and giving the library's results.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'

const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))
const table = fileURLToPath(new URL('../dist/plugins/data/cmu-syllables.bin', import.meta.url))

// Logs every file read through fs.readFileSync on stderr, to see what the command opens.
const logReads = `data:text/javascript,${encodeURIComponent(`
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
const read = fs.readFileSync
fs.readFileSync = (path, ...rest) => {
  process.stderr.write('read ' + (path instanceof URL ? path.pathname : String(path)) + '\\n')
  return read(path, ...rest)
}
syncBuiltinESMExports()
`)}`

function copydesk(args: string[], input: string, nodeOptions: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, cli, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const article =
  'Sen. Mara QuillMara Jean QuillSenate clears rail bill MORE (D-Vt.) said on Friday that the ' +
  'rail bill would reach the floor next month.\n\nHer office called the measure long overdue, ' +
  'and transit advocates in Burlington welcomed the announcement.\n'

describe('the bundled copydesk command', () => {
  it('imports only its own chunks and Node built-ins up front', () => {
    const source = readFileSync(cli, 'utf8')
    const imports = [...source.matchAll(/^import\b[^'"]*["']([^'"]+)["']/gm)].map(
      (match) => match[1],
    )
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.filter((from) => !/^(?:node:|\.\/cli\.chunk-)/.test(from ?? ''))).toEqual([])
  })

  it('cleans text on stdin as the library does', () => {
    const result = copydesk(['clean'], article)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${clean(article).text}\n`)
    expect(result.stdout).not.toContain('MORE')
  })

  it('gives the library’s record for a JSONL line', () => {
    const result = copydesk(
      ['clean', '--jsonl', '--quiet'],
      `${JSON.stringify({id: 7, text: article})}\n`,
    )
    expect(result.code).toBe(0)
    const record = JSON.parse(result.stdout) as ReturnType<typeof clean>
    const expected = clean(article, {id: 7})
    expect(record.text).toBe(expected.text)
    expect(record.removed).toEqual(expected.removed)
    expect(record.readability).toEqual(expected.readability)
  })

  it('reads the built syllable table, not the dictionary package', () => {
    const result = copydesk(['clean'], article, ['--import', logReads])
    expect(result.code).toBe(0)
    const reads = result.stderr.split('\n').filter((line) => line.startsWith('read '))
    expect(reads).toContain(`read ${table}`)
    expect(reads.filter((line) => line.includes('cmu-pronouncing-dictionary'))).toEqual([])
  })

  it('finds package.json for its version', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as {version: string}
    const result = copydesk(['--version'], '')
    expect(result.stdout).toBe(`${manifest.version}\n`)
  })
})
