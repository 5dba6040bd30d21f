/**
 * Peak memory on a large input (`npm run bench -- --big`): a JSONL file of
 * about 1 GB is generated in a temporary folder and cleaned by the real CLI
 * with two workers while its resident set's high-water mark is read from
 * /proc. A time limit stops long runs: the peak is then that of the part done.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeJsonl} from './corpus.js'

export interface BigRun {
  inputMb: number
  /** Records done (all of them when `finished`). */
  records: number
  finished: boolean
  seconds: number
  peakRssMb: number
}

/** The process's resident-set high-water mark in MB, from /proc (0 when unreadable). */
function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status)
    return match ? Number(match[1]) / 1024 : 0
  } catch {
    return 0
  }
}

export async function bigRun(
  docs: readonly string[],
  targetBytes: number,
  limitSeconds: number,
): Promise<BigRun> {
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-big-'))
  try {
    const input = join(folder, 'big.jsonl')
    const average = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length
    const bytes = await writeJsonl(docs, Math.ceil(targetBytes / (average + 30)), input)
    const out = join(folder, 'out')
    const cli = fileURLToPath(new URL('../../pipeline/cli.js', import.meta.url))
    const child = spawn(
      process.execPath,
      [cli, 'clean', input, '--out', out, '--jobs', '2', '--quiet'],
      {
        stdio: 'ignore',
      },
    )
    const started = performance.now()
    let peak = 0
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    let finished = false
    void exited.then(() => {
      finished = true
    })
    while (!finished && performance.now() - started < limitSeconds * 1000) {
      if (child.pid !== undefined) peak = Math.max(peak, peakRss(child.pid))
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const complete = finished
    if (!finished) child.kill('SIGKILL')
    await exited
    const seconds = (performance.now() - started) / 1000
    const state = join(out, 'copydesk-state.json')
    const summary = join(out, 'copydesk-summary.json')
    const records =
      complete && existsSync(summary)
        ? (JSON.parse(readFileSync(summary, 'utf8')) as {records: number}).records
        : existsSync(state)
          ? (JSON.parse(readFileSync(state, 'utf8')) as {items: number}).items
          : 0
    return {inputMb: bytes / 1e6, records, finished: complete, seconds, peakRssMb: peak}
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
