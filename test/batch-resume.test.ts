/**
 * A real run of the built CLI, killed with SIGKILL at random moments and
 * resumed with `--resume` until it finishes: every record comes out exactly
 * once, in input order, and no output file is ever seen half-written.
 */
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {fingerprintOf} from '../pipeline/batch-outputs.js'
import {lockFile, lockOut} from '../pipeline/out-lock.js'

const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))

const subjects = [
  'The county board',
  'A harbour pilot',
  'The transit agency',
  'Two senators',
  'The mayor',
]
const verbs = ['approved', 'questioned', 'delayed', 'announced', 'rejected']
const objects = [
  'a ferry contract',
  'the school budget',
  'new bus routes',
  'a bridge repair',
  'the audit',
]

/** A short, distinct news paragraph for record `n`. */
function story(n: number): string {
  const pick = <T>(list: T[], shift: number): T => list[(n + shift) % list.length] as T
  return (
    `${pick(subjects, 0)} ${pick(verbs, 1)} ${pick(objects, 2)} on day ${n}. ` +
    `Officials said the vote, the ${n}th this year, followed weeks of debate.`
  )
}

function makeInputs(folder: string): string[] {
  const expected: string[] = []
  writeFileSync(join(folder, 'a-brief.txt'), `${story(1000)}\n`)
  expected.push('a-brief.txt')
  const lines: string[] = []
  for (let n = 0; n < 900; n++) {
    lines.push(n === 150 ? '{"id": "broken", ' : JSON.stringify({id: `w-${n}`, text: story(n)}))
    expected.push(n === 150 ? 'line 151' : `w-${n}`)
  }
  writeFileSync(join(folder, 'b-wire.jsonl'), `${lines.join('\n')}\n`)
  const rows = ['id,title,content']
  for (let n = 0; n < 150; n++) {
    rows.push(`c-${n},"Title ${n}","${story(n + 500).replaceAll('"', '""')}"`)
    expected.push(`c-${n}`)
  }
  writeFileSync(join(folder, 'c-feed.csv'), `${rows.join('\n')}\n`)
  writeFileSync(join(folder, 'd-last.txt'), `${story(2000)}\n`)
  expected.push('d-last.txt')
  return expected
}

/** Files a reader of the folder could see (hidden partial and temporary files excluded). */
function visibleFiles(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}

/** Every visible output is whole: JSONL parses line by line and has its full length. */
function assertNothingHalfWritten(out: string): void {
  for (const name of visibleFiles(out)) {
    const text = readFileSync(join(out, name), 'utf8')
    if (name.endsWith('.jsonl')) {
      expect(text.endsWith('\n'), name).toBe(true)
      const lines = text.trimEnd().split('\n')
      for (const line of lines) JSON.parse(line)
      expect(lines.length, name).toBe(name === 'b-wire.jsonl' ? 900 : 1052)
    } else if (name.endsWith('.json')) {
      JSON.parse(text)
    } else if (name.endsWith('.txt')) {
      expect(text, name).toMatch(/followed weeks of debate\.\n$/)
    }
  }
}

const partialRecords = (out: string): string =>
  join(out, '.copydesk-records.jsonl.copydesk-partial')

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0)

/** Items done at the last checkpoint (0 without one). */
function checkpoint(out: string): number {
  const path = join(out, 'copydesk-state.json')
  if (!existsSync(path)) return 0
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as {items?: number}).items ?? 0
  } catch {
    return 0 // being replaced right now: read again later
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [cli, ...args], {stdio: ['ignore', 'ignore', 'pipe']})
}

const finished = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)))

describe('copydesk clean --resume after SIGKILL', () => {
  it('gives every record exactly once, in order, whatever moment the run was killed at', async () => {
    const input = mkdtempSync(join(tmpdir(), 'copydesk-resume-in-'))
    const out = join(mkdtempSync(join(tmpdir(), 'copydesk-resume-out-')), 'out')
    mkdirSync(out)
    const expected = makeInputs(input)
    const args = ['clean', input, '--out', out, '--no-score', '--jobs', '1', '--quiet']
    const delays: number[] = []
    const resumedFrom: number[] = []
    for (let round = 0; round < 3; round++) {
      const child = start(round === 0 ? args : [...args, '--resume'])
      const exit = finished(child)
      let exited = false
      void exit.then(() => {
        exited = true
      })
      // Kill once this run has written records of its own, at a random moment after.
      const before = sizeOf(partialRecords(out))
      while (!exited && sizeOf(partialRecords(out)) <= before) await sleep(10)
      const delay = round === 0 ? 0 : Math.floor(Math.random() * 400)
      delays.push(delay)
      await sleep(delay)
      if (round === 0) {
        // The first kill waits for a checkpoint, so the next run provably resumes
        // from saved work however fast the machine is; later kills land anywhere.
        while (!exited && checkpoint(out) === 0) await sleep(5)
      }
      child.kill('SIGKILL')
      await exit
      assertNothingHalfWritten(out)
      resumedFrom.push(checkpoint(out))
    }
    // The kills landed mid-run, after checkpoints: resuming skipped done work.
    expect(Math.max(...resumedFrom), `checkpoints ${resumedFrom.join(', ')}`).toBeGreaterThan(0)
    const last = spawnSync(process.execPath, [cli, ...args, '--resume'], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(last.status, `killed after ${delays.join(', ')} ms; ${last.stderr}`).toBe(1) // one bad JSONL line
    assertNothingHalfWritten(out)

    const records = readFileSync(join(out, 'copydesk-records.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as {id?: string; line?: number; text?: string; error?: string},
      )
    const ids = records.map((record) => record.id ?? `line ${record.line}`)
    expect(ids).toEqual(expected)
    expect(records.find((record) => record.id === 'w-42')?.text).toBe(story(42))
    const summary = JSON.parse(readFileSync(join(out, 'copydesk-summary.json'), 'utf8'))
    expect(summary).toMatchObject({records: expected.length, errors: 1})
    // Nothing left behind: no state, no partial or temporary files.
    expect(
      readdirSync(out).filter((name) => name.startsWith('.') || name.includes('state')),
    ).toEqual([])
    expect(visibleFiles(out)).toEqual([
      'a-brief.txt',
      'b-wire.jsonl',
      'copydesk-records.jsonl',
      'copydesk-summary.json',
      'd-last.txt',
    ])
  }, 90_000)

  it('says why it cannot resume when the partial records of the stopped run were removed or cut', async () => {
    const input = mkdtempSync(join(tmpdir(), 'copydesk-resume-in-'))
    const out = join(mkdtempSync(join(tmpdir(), 'copydesk-resume-out-')), 'out')
    makeInputs(input)
    const args = ['clean', input, '--out', out, '--no-score', '--jobs', '1', '--quiet']
    const child = start(args)
    const exit = finished(child)
    let exited = false
    void exit.then(() => {
      exited = true
    })
    while (!exited && checkpoint(out) === 0) await sleep(5)
    child.kill('SIGKILL')
    await exit
    expect(checkpoint(out), 'killed before its first checkpoint').toBeGreaterThan(0)
    const cut = `${out}-cut`
    cpSync(out, cut, {recursive: true})
    rmSync(partialRecords(out))
    truncateSync(partialRecords(cut), 10)
    for (const [folder, why] of [
      [out, /copydesk-partial is missing/],
      [cut, /copydesk-partial holds 10 bytes, fewer than the \d+ of the last checkpoint/],
    ] as const) {
      const resumed = args.map((arg) => (arg === out ? folder : arg))
      const result = spawnSync(process.execPath, [cli, ...resumed, '--resume'], {
        encoding: 'utf8',
      })
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(why)
      expect(result.stderr).toMatch(/run without --resume to start afresh/)
      expect(result.stderr).not.toMatch(/\n\s+at /) // no stack trace
    }
  }, 60_000)

  it('sweeps what a run killed before its first checkpoint left, at the end of the next run', () => {
    const input = mkdtempSync(join(tmpdir(), 'copydesk-resume-in-'))
    writeFileSync(join(input, 'wire.jsonl'), `${JSON.stringify({id: 'r1', text: story(1)})}\n`)
    const out = join(mkdtempSync(join(tmpdir(), 'copydesk-resume-out-')), 'out')
    const leftovers = [
      join(out, 'texts', 'wire.jsonl', '.000017-r16.txt.copydesk-tmp-4242-0badf00d'),
      join(out, '.wire.jsonl.copydesk-partial'),
    ]
    for (const path of leftovers) {
      mkdirSync(join(path, '..'), {recursive: true})
      writeFileSync(path, 'half a record')
    }
    const result = spawnSync(
      process.execPath,
      [cli, 'clean', join(input, 'wire.jsonl'), '--out', out, '--text-files', '--quiet'],
      {encoding: 'utf8'},
    )
    expect(result.status).toBe(0)
    for (const path of leftovers) expect(existsSync(path), path).toBe(false)
    expect(readdirSync(join(out, 'texts', 'wire.jsonl'))).toEqual(['000001-r1.txt'])
  })

  it('refuses to resume when the inputs changed', () => {
    const input = mkdtempSync(join(tmpdir(), 'copydesk-resume-in-'))
    const out = join(mkdtempSync(join(tmpdir(), 'copydesk-resume-out-')), 'out')
    mkdirSync(out)
    writeFileSync(join(input, 'one.txt'), story(1))
    // A state file as an interrupted run leaves it, for other inputs.
    writeFileSync(
      join(out, 'copydesk-state.json'),
      JSON.stringify({
        format: 1,
        fingerprint: 'other',
        items: 0,
        outputs: {},
        completed: [],
        finished: false,
      }),
    )
    const result = spawnSync(process.execPath, [cli, 'clean', input, '--out', out, '--resume'], {
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/inputs or options changed/)
  })

  it('counts --keep-fields in what a resume checks, and nothing new without it', async () => {
    const input = mkdtempSync(join(tmpdir(), 'copydesk-resume-in-'))
    writeFileSync(join(input, 'one.jsonl'), `${JSON.stringify({id: 1, text: story(1)})}\n`)
    const files = [{path: join(input, 'one.jsonl'), relativePath: 'one.jsonl'}]
    const fields = {id: 'id', text: 'text', url: 'url'}
    const print = async (keep?: string[]) =>
      (await fingerprintOf(files, {fields: {...fields, keep}}, {})).fingerprint
    // A run from before the option existed resumes as it did.
    expect(await print()).toBe((await fingerprintOf(files, {fields}, {})).fingerprint)
    expect(await print(['title'])).not.toBe(await print())
    expect(await print(['title'])).not.toBe(await print(['*']))
    // Texts written for only the records after the checkpoint: not the same run.
    const withTexts = await fingerprintOf(files, {fields, textFiles: true}, {})
    expect(withTexts.fingerprint).not.toBe(await print())
    expect((await fingerprintOf(files, {fields, textFiles: false}, {})).fingerprint).toBe(
      await print(),
    )
  })

  it('lets one run at a time write a folder, and takes over the lock of a run that was killed', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'copydesk-lock-')), 'out')
    const held = await lockOut(out)
    await expect(lockOut(out)).rejects.toThrow(
      new RegExp(`Another copydesk run \\(process ${process.pid}\\) is writing to`),
    )
    await held.release()
    expect(existsSync(join(out, lockFile))).toBe(false)
    // A lock left by a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    })
    writeFileSync(join(out, lockFile), JSON.stringify({pid: Number(gone.stdout), host: hostname()}))
    const taken = await lockOut(out)
    expect(JSON.parse(readFileSync(join(out, lockFile), 'utf8'))).toEqual({
      pid: process.pid,
      host: hostname(),
    })
    await taken.release()
    // One held on another machine cannot be checked: it is left alone.
    writeFileSync(join(out, lockFile), JSON.stringify({pid: 1, host: `not-${hostname()}`}))
    await expect(lockOut(out)).rejects.toThrow(/process 1 on not-/)

    // The command refuses to start beside a live run, and writes nothing.
    const input = mkdtempSync(join(tmpdir(), 'copydesk-resume-in-'))
    writeFileSync(join(input, 'one.txt'), story(1))
    writeFileSync(join(out, lockFile), JSON.stringify({pid: process.pid, host: hostname()}))
    for (const extra of [[], ['--resume']]) {
      const result = spawnSync(
        process.execPath,
        [cli, 'clean', input, '--out', out, ...extra, '--quiet'],
        {encoding: 'utf8'},
      )
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(/Another copydesk run .* is writing to/)
    }
    expect(readdirSync(out)).toEqual([lockFile])
  })
})
