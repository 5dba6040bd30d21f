/**
 * Distributed runs against a real redis-server (Debian package, installed by
 * .ci/run): the test starts its own servers on free loopback ports.
 */
import {type ChildProcess, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Queue} from 'bullmq'
import {Redis} from 'ioredis'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  exited,
  freePort,
  redisServer,
  spawnWorker,
  startRedis as startServer,
} from '../scripts/bench/redis.js'

const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))
const servers: ChildProcess[] = []

async function startRedis(extra: string[] = []): Promise<string> {
  const redis = await startServer(extra)
  servers.push(redis.process)
  return redis.url
}

function copydesk(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** 2,000 short articles of our own, a card in every third, one bad line. */
function writeInput(folder: string): string {
  const towns = ['Ashford', 'Brook Hill', 'Cedar Falls', 'Dunmore', 'Elm Park']
  const lines: string[] = []
  for (let i = 0; i < 2000; i++) {
    const town = towns[i % towns.length]
    const lead =
      i % 3 === 0
        ? `Mayor Tom HaleThomas Edward HaleCouncil votes on bus lanes in ${town} Hale defends budget MORE said`
        : `The mayor of ${town} said`
    lines.push(
      JSON.stringify({
        id: `story-${i}`,
        text: `${lead} on day ${i} that the council would vote on the levy. Residents asked for more buses.  \n\n\nThe vote is set for June.`,
      }),
    )
    if (i === 1000) lines.push('{"id": "broken", "text": ')
  }
  const path = join(folder, 'stories.jsonl')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

describe.skipIf(!existsSync(redisServer))('copydesk enqueue / worker / collect on Redis', () => {
  let url = ''
  let folder = ''
  let input = ''

  beforeAll(async () => {
    url = await startRedis()
    folder = mkdtempSync(join(tmpdir(), 'copydesk-queue-'))
    input = writeInput(folder)
  }, 20_000)

  afterAll(() => {
    for (const server of servers) server.kill('SIGKILL')
  })

  it('loses no record when a worker is killed, and matches a local run byte for byte', async () => {
    const local = copydesk(['clean', input, '--quiet'])
    expect(local.code).toBe(1) // the broken line
    const enqueued = copydesk(['enqueue', input, '--redis', url, '--queue', 'stories'])
    expect(enqueued.code).toBe(0)
    expect(enqueued.stderr).toMatch(/2001 record\(s\) read, 2001 enqueued, 0 already queued/)
    const again = copydesk(['enqueue', input, '--redis', url, '--queue', 'stories'])
    expect(again.stderr).toMatch(/2001 record\(s\) read, 0 enqueued, 2001 already queued/)

    const outs = ['w1', 'w2', 'w3'].map((name) => join(folder, name))
    const workers = outs.map((out) =>
      spawnWorker(cli, url, 'stories', out, ['--lock-duration', '2000']),
    )
    const [victim, ...survivors] = workers
    // Kill the first worker once it has written something, in the middle of the run.
    const deadline = Date.now() + 30_000
    while (
      Date.now() < deadline &&
      !(
        existsSync(outs[0] ?? '') &&
        readdirSync(outs[0] ?? '').some((name) => name.startsWith('part-'))
      )
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    victim?.kill('SIGKILL')
    if (victim) expect(await exited(victim)).toBeNull() // killed, not finished
    const codes = await Promise.all(survivors.map(exited))
    expect(codes).toEqual([0, 0])

    const merged = join(folder, 'merged.jsonl')
    const collected = copydesk(['collect', ...outs.filter((out) => existsSync(out)), '-o', merged])
    expect(collected.code).toBe(0)
    const got = readFileSync(merged, 'utf8').split('\n')
    const want = local.stdout.split('\n')
    expect(got.length).toBe(want.length)
    // Compare line by line, so a failure names the first record that differs.
    const first = want.findIndex((line, index) => got[index] !== line)
    expect(first === -1 ? '' : got[first]?.slice(0, 400)).toBe(
      first === -1 ? '' : want[first]?.slice(0, 400),
    )
    expect(first).toBe(-1)

    const status = copydesk(['status', '--redis', url, '--queue', 'stories', '--json'])
    expect(JSON.parse(status.stdout)).toMatchObject({
      total: 2001,
      waiting: 0,
      active: 0,
      failed: 0,
      dead: 0,
    })
  }, 120_000)

  it('moves a poison job to the dead-letter queue with its error', async () => {
    const small = join(folder, 'one.jsonl')
    writeFileSync(
      small,
      `${JSON.stringify({id: 'fine', text: 'A plain sentence about the weather.'})}\n`,
    )
    expect(copydesk(['enqueue', small, '--redis', url, '--queue', 'poison']).code).toBe(0)
    // A job no copydesk enqueue would make: its data cannot be processed.
    const connection = new Redis(url, {maxRetriesPerRequest: null})
    const queue = new Queue('poison', {connection})
    await queue.add(
      'record',
      {seq: 99, task: {kind: 'text', text: 42}},
      {jobId: 'poison-1', attempts: 2, backoff: {type: 'fixed', delay: 50}},
    )
    await queue.close()

    const out = join(folder, 'poison-out')
    const worker = copydesk([
      'worker',
      '--redis',
      url,
      '--queue',
      'poison',
      '--out',
      out,
      '--exit-when-idle',
      '--quiet',
    ])
    expect(worker.code).toBe(1)
    const dead = new Queue('poison-dead', {connection})
    const jobs = await dead.getJobs(['waiting'])
    expect(jobs).toHaveLength(1)
    expect(jobs[0]?.data).toMatchObject({
      jobId: 'poison-1',
      error: expect.stringMatching(/Unusable job data/),
    })
    await dead.close()
    connection.disconnect()
    const merged = join(folder, 'poison.jsonl')
    expect(copydesk(['collect', out, '-o', merged]).code).toBe(0)
    expect(readFileSync(merged, 'utf8')).toMatch(/^\{"id":"fine"/)
  }, 60_000)

  it('carries --keep-fields through the queue, as a local run does', () => {
    const small = join(folder, 'kept.jsonl')
    const lines = ['Ashford', 'Dunmore', 'Elm Park'].map((town, n) =>
      JSON.stringify({
        id: `kept-${n}`,
        title: `Buses in ${town}`,
        rank: n,
        text: `The mayor of ${town} said the council would vote on the levy.`,
      }),
    )
    writeFileSync(small, `${lines.join('\n')}\n`)
    const keep = ['--keep-fields', 'title,rank']
    const local = copydesk(['clean', small, ...keep, '--quiet'])
    expect(local.code).toBe(0)
    const enqueued = copydesk(['enqueue', small, ...keep, '--redis', url, '--queue', 'kept'])
    expect(enqueued.code).toBe(0)
    // The same records with other fields kept are other jobs; the same again are not.
    const more = copydesk(['enqueue', small, '--redis', url, '--queue', 'kept'])
    expect(more.stderr).toMatch(/3 record\(s\) read, 3 enqueued, 0 already queued/)
    const again = copydesk(['enqueue', small, ...keep, '--redis', url, '--queue', 'kept'])
    expect(again.stderr).toMatch(/3 record\(s\) read, 0 enqueued, 3 already queued/)
    const out = join(folder, 'kept-out')
    const worker = copydesk([
      'worker',
      '--redis',
      url,
      '--queue',
      'kept',
      '--out',
      out,
      '--exit-when-idle',
      '--quiet',
    ])
    expect(worker.code).toBe(0)
    const merged = join(folder, 'kept.out.jsonl')
    expect(copydesk(['collect', out, '-o', merged]).code).toBe(0)
    const records = readFileSync(merged, 'utf8').trimEnd().split('\n')
    // Each record twice, in the order enqueued: with the fields (the local run's records), then without.
    expect(records).toHaveLength(6)
    const kept = records.slice(0, 3)
    expect(kept).toEqual(local.stdout.trimEnd().split('\n'))
    for (const line of records.slice(3)) expect(line).not.toMatch(/"fields":/)
    expect(JSON.parse(kept[1] ?? '{}').fields).toEqual({title: 'Buses in Dunmore', rank: 1})
  }, 60_000)

  it('refuses a queue made with another config', () => {
    const result = copydesk(['enqueue', input, '--redis', url, '--queue', 'stories', '--no-score'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/was made with another config/)
  })

  it('says clearly when Redis cannot be reached or refuses the password', async () => {
    const nobody = `redis://127.0.0.1:${await freePort()}`
    const unreachable = copydesk(['enqueue', input, '--redis', nobody])
    expect(unreachable.code).toBe(2)
    expect(unreachable.stderr).toMatch(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/)

    const guarded = await startRedis(['--requirepass', 'right-secret'])
    const wrong = copydesk([
      'worker',
      '--redis',
      guarded.replace('redis://', 'redis://:wrong-secret@'),
      '--out',
      join(folder, 'x'),
    ])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/refused the credentials/)
    expect(wrong.stderr).not.toMatch(/wrong-secret/)
  }, 30_000)
})

it('ships a redis-server for the queue tests in CI', () => {
  // .ci/run installs it; a developer machine without it skips the suite above.
  expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/redis-server/)
})
