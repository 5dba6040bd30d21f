/**
 * Benchmark rows for distributed runs: records/s through BullMQ and a real
 * redis-server with one and two worker processes on this machine (the whole
 * command, start-up included). Skipped when redis-server is not installed.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadCorpus, writeJsonl} from './bench/corpus.js'
import {exited, redisServer, spawnWorker, startRedis} from './bench/redis.js'

const cli = fileURLToPath(new URL('../pipeline/cli.js', import.meta.url))

async function timeWorkers(
  url: string,
  queue: string,
  count: number,
  folder: string,
): Promise<number> {
  const started = performance.now()
  const workers = Array.from({length: count}, (_, index) =>
    spawnWorker(cli, url, queue, join(folder, `${queue}-${index}`)),
  )
  await Promise.all(workers.map(exited))
  return (performance.now() - started) / 1000
}

export async function run(): Promise<Array<{row: string; value: number; unit: string}>> {
  if (!existsSync(redisServer)) return []
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-queue-'))
  const redis = await startRedis()
  try {
    const url = redis.url
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
    redis.process.kill('SIGKILL')
    rmSync(folder, {recursive: true, force: true})
  }
}
