/**
 * Benchmark rows for distributed runs: records/s through BullMQ and a real
 * redis-server with one and two worker processes on this machine (the whole
 * command, start-up included). Skipped when redis-server is not installed.
 */
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadCorpus, writeJsonl} from './bench/corpus.js'

const redisServer = '/usr/bin/redis-server'
const cli = fileURLToPath(new URL('../pipeline/cli.js', import.meta.url))

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function timeWorkers(
  url: string,
  queue: string,
  count: number,
  folder: string,
): Promise<number> {
  const started = performance.now()
  const workers = Array.from({length: count}, (_, index) =>
    spawn(
      process.execPath,
      [
        cli,
        'worker',
        '--redis',
        url,
        '--queue',
        queue,
        '--out',
        join(folder, `${queue}-${index}`),
        '--exit-when-idle',
        '--quiet',
      ],
      {stdio: 'ignore'},
    ),
  )
  await Promise.all(workers.map(exited))
  return (performance.now() - started) / 1000
}

export async function run(): Promise<Array<{row: string; value: number; unit: string}>> {
  if (!existsSync(redisServer)) return []
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-queue-'))
  const port = await freePort()
  const server = spawn(
    redisServer,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  try {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const url = `redis://127.0.0.1:${port}`
    const count = 2000
    const input = join(folder, 'input.jsonl')
    await writeJsonl(loadCorpus(), count, input)
    const rows: Array<{row: string; value: number; unit: string}> = []
    const rates: number[] = []
    for (const workers of [1, 2]) {
      const queue = `bench-${workers}`
      const started = performance.now()
      spawnSync(process.execPath, [cli, 'enqueue', input, '--redis', url, '--queue', queue], {
        stdio: 'ignore',
      })
      if (workers === 1) {
        rows.push({
          row: `queue: enqueue ${count} records`,
          value: count / ((performance.now() - started) / 1000),
          unit: 'records/s',
        })
      }
      const seconds = await timeWorkers(url, queue, workers, folder)
      rates.push(count / seconds)
      rows.push({
        row: `queue: ${workers} worker process(es)`,
        value: count / seconds,
        unit: 'records/s',
      })
    }
    rows.push({
      row: 'queue: 2 workers ÷ 1 worker',
      value: (rates[1] ?? 0) / (rates[0] ?? 1),
      unit: '×',
    })
    return rows
  } finally {
    server.kill('SIGKILL')
    rmSync(folder, {recursive: true, force: true})
  }
}
