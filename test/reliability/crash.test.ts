/**
 * Crash safety on hostile input: a run over broken and mixed files (NUL bytes,
 * an unbalanced CSV quote, a WARC with a lying Content-Length, deep nesting,
 * bad JSONL lines) with two workers is killed with SIGKILL at random moments
 * and resumed with `--resume` until it finishes. Its outputs then equal, byte
 * for byte, those of a run never stopped: every record exactly once, in order,
 * and no file half-written. (`test/batch-resume.test.ts` does the same on
 * clean input, checking the outputs between kills.)
 */
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'

const cli = fileURLToPath(new URL('../../dist/pipeline/cli.js', import.meta.url))
const sandbox = mkdtempSync(join(tmpdir(), 'copydesk-crash-'))
afterAll(() => rmSync(sandbox, {recursive: true, force: true}))

const places = ['harbour', 'library', 'stadium', 'clinic', 'depot', 'market']
const line = (n: number): string =>
  `The ${places[n % places.length]} board met for the ${n}th time and approved plan ${n * 7} after a long debate.`

function makeInputs(folder: string): void {
  mkdirSync(folder, {recursive: true})
  writeFileSync(join(folder, 'a-nul.txt'), Buffer.from(`${line(1)}\0\0binary`))
  const jsonl: string[] = []
  for (let n = 0; n < 1_200; n++) {
    if (n % 97 === 13) jsonl.push(`{"id": "cut-${n}", "text": "${line(n)}`)
    else if (n % 101 === 7)
      jsonl.push(JSON.stringify({id: `obj-${n}`, text: {deep: {deeper: [n]}}}))
    else jsonl.push(JSON.stringify({id: `w-${n}`, text: `${line(n)} ${line(n + 1)}`}))
  }
  writeFileSync(join(folder, 'b-wire.jsonl'), `${jsonl.join('\n')}\n`)
  const rows = ['id,content']
  for (let n = 0; n < 200; n++) rows.push(`c-${n},"${line(n + 3000)}"`)
  rows.push('c-bad,"never closed')
  writeFileSync(join(folder, 'c-feed.csv'), `${rows.join('\n')}\n`)
  const html = `<html><body>${'<div>'.repeat(5_000)}<p>${line(9)}</p></body></html>`
  writeFileSync(join(folder, 'd-deep.html'), html)
  writeFileSync(join(folder, 'e-last.txt'), `${line(2)}\n`)
}

/** Every visible file of an output folder, with its bytes (the summary without its timings). */
function snapshot(out: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(out, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || entry.name.startsWith('.') || entry.name === 'copydesk-state.json')
      continue
    const path = join(entry.parentPath, entry.name)
    let text = readFileSync(path, 'utf8')
    if (entry.name === 'copydesk-summary.json') {
      const {durationMs, recordsPerSecond, resumed, jobs, ...rest} = JSON.parse(text)
      text = JSON.stringify(rest)
    }
    files[relative(out, path)] = text
  }
  return files
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)))

describe('SIGKILL and --resume on hostile input', () => {
  it('ends with the same outputs as a run never stopped', async () => {
    const input = join(sandbox, 'in')
    makeInputs(input)
    const whole = join(sandbox, 'whole')
    const args = (out: string) => [
      'clean',
      input,
      '--out',
      out,
      '--jobs',
      '2',
      '--no-score',
      '--no-progress',
      '--quiet',
    ]
    const started = performance.now()
    const reference = spawnSync(process.execPath, [cli, ...args(whole)], {timeout: 120_000})
    // Kills are timed as shares of an uninterrupted run, so they land mid-run
    // on a fast machine as on a slow one.
    const wholeMs = performance.now() - started
    expect(reference.status, String(reference.stderr)).toBe(1) // some inputs are broken on purpose

    const out = join(sandbox, 'killed')
    let code: number | null = null
    let kills = 0
    for (let attempt = 0; attempt < 12 && code === null; attempt++) {
      const child = spawn(
        process.execPath,
        [cli, ...args(out), ...(attempt > 0 ? ['--resume'] : [])],
        {
          stdio: 'ignore',
        },
      )
      const done = exited(child)
      // Kills from start-up to late in the run; the last attempts are left to finish.
      const wait = attempt < 4 ? wholeMs * (0.05 + Math.random() * 0.45) : Number.POSITIVE_INFINITY
      const outcome = await Promise.race([
        done.then((exit) => ({exit})),
        sleep(wait === Number.POSITIVE_INFINITY ? 120_000 : wait),
      ])
      if (outcome && 'exit' in outcome) code = outcome.exit
      else {
        child.kill('SIGKILL')
        await done
        kills++
      }
    }
    expect(code).toBe(1)
    expect(kills).toBeGreaterThan(0)
    expect(snapshot(out)).toEqual(snapshot(whole))
  }, 240_000)
})
