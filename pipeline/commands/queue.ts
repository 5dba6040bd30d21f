/**
 * The distributed commands: `enqueue`, `worker`, `collect` and `status`, on
 * BullMQ and Redis.
 */
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {Queue} from 'bullmq'
import {expandPaths, UsageError} from '../batch.js'
import {collect} from '../queue/collect.js'
import {makeConfig, readConfig, seenKey} from '../queue/config.js'
import {connect} from '../queue/connection.js'
import {enqueue} from '../queue/enqueue.js'
import {deadLetterQueue, doneKey, runWorker} from '../queue/worker.js'
import {parseKeepFields} from './keep-fields.js'
import {write} from './output.js'

const defaultQueue = 'copydesk'

export const usage = `  enqueue PATH... --redis URL [--queue NAME] [--chunk-size N] [--attempts N] [--dry-run] [--no-score]
                      stream records into a queue; the same records enqueued twice are one job
                      (--id-field, --text-field and --keep-fields as for clean)
  worker --redis URL --out DIR [--queue NAME] [--concurrency N] [--exit-when-idle] [--lock-duration MS]
                      process queued records, results as part files in DIR
  collect DIR... -o FILE
                      merge workers' part files: one line per record, in input order
  status --redis URL [--queue NAME]
                      done, waiting, active, failed, dead-lettered
`

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`)
  return value
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`${flag} takes a whole number above 0`)
  return number
}

export async function enqueueCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      redis: {type: 'string'},
      queue: {type: 'string', default: defaultQueue},
      'chunk-size': {type: 'string'},
      attempts: {type: 'string'},
      'id-field': {type: 'string', default: 'id'},
      'text-field': {type: 'string', default: 'text'},
      'keep-fields': {type: 'string'},
      'dry-run': {type: 'boolean', default: false},
      'no-score': {type: 'boolean', default: false},
    },
  })
  if (positionals.length === 0) throw new UsageError('enqueue needs at least one input PATH')
  const files = await expandPaths(positionals)
  const redis = await connect(need(values.redis, '--redis'))
  try {
    const result = await enqueue(redis, files, {
      queue: values.queue,
      config: makeConfig({dryRun: values['dry-run'], score: !values['no-score']}),
      fields: {
        id: values['id-field'],
        text: values['text-field'],
        keep: parseKeepFields(values['keep-fields']),
      },
      chunkSize: count(values['chunk-size'], '--chunk-size'),
      attempts: count(values.attempts, '--attempts'),
    })
    process.stderr.write(
      `copydesk: ${result.read} record(s) read, ${result.added} enqueued, ${result.skipped} already queued (queue \`${values.queue}\`)\n`,
    )
    return 0
  } finally {
    redis.disconnect()
  }
}

export async function workerCommand(args: string[]): Promise<number> {
  const {values} = parseArgs({
    args,
    options: {
      redis: {type: 'string'},
      queue: {type: 'string', default: defaultQueue},
      out: {type: 'string'},
      concurrency: {type: 'string'},
      'exit-when-idle': {type: 'boolean', default: false},
      'lock-duration': {type: 'string'},
      quiet: {type: 'boolean', default: false},
    },
  })
  const out = resolve(need(values.out, '--out'))
  const redis = await connect(need(values.redis, '--redis'))
  try {
    const result = await runWorker(redis, {
      queue: values.queue,
      out,
      concurrency: count(values.concurrency, '--concurrency'),
      exitWhenIdle: values['exit-when-idle'],
      lockDuration: count(values['lock-duration'], '--lock-duration'),
    })
    if (!values.quiet) {
      process.stderr.write(
        `copydesk: worker done: ${result.processed} record(s), ${result.failed} dead-lettered\n`,
      )
    }
    return result.failed > 0 ? 1 : 0
  } finally {
    redis.disconnect()
  }
}

export async function collectCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {output: {type: 'string', short: 'o'}},
  })
  if (positionals.length === 0) throw new UsageError('collect needs at least one DIR')
  const result = await collect(positionals, need(values.output, '-o'))
  for (const bad of result.bad)
    process.stderr.write(`copydesk: ${bad.file}:${bad.line}: ${bad.error}\n`)
  process.stderr.write(
    `copydesk: ${result.records} record(s) from ${result.files} part file(s), ${result.duplicates} duplicate(s) dropped\n`,
  )
  return result.bad.length > 0 ? 1 : 0
}

export async function statusCommand(args: string[]): Promise<number> {
  const {values} = parseArgs({
    args,
    options: {
      redis: {type: 'string'},
      queue: {type: 'string', default: defaultQueue},
      json: {type: 'boolean', default: false},
    },
  })
  const redis = await connect(need(values.redis, '--redis'))
  const queue = new Queue(values.queue, {connection: redis})
  const dead = new Queue(deadLetterQueue(values.queue), {connection: redis})
  try {
    const config = await readConfig(redis, values.queue)
    const sample = async () => Number((await redis.get(doneKey(values.queue))) ?? 0)
    const before = await sample()
    await new Promise((done) => setTimeout(done, 1000))
    const done = await sample()
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')
    const {waiting = 0, active = 0, delayed = 0, failed = 0} = counts
    const status = {
      queue: values.queue,
      config: config.hash,
      version: config.version,
      total: await redis.scard(seenKey(values.queue)),
      done,
      waiting,
      active,
      delayed,
      failed,
      dead: await dead.getJobCountByTypes('waiting', 'completed', 'failed', 'delayed'),
      ratePerSecond: done - before,
    }
    if (values.json) {
      await write(`${JSON.stringify(status)}\n`)
    } else {
      const share = status.total > 0 ? Math.min(1, done / status.total) : 0
      const bar = `${'█'.repeat(Math.round(share * 30))}${'░'.repeat(30 - Math.round(share * 30))}`
      await write(
        `${status.queue} ${bar} ${done}/${status.total} done, ${status.ratePerSecond}/s · waiting ${status.waiting}, ` +
          `active ${status.active}, delayed ${status.delayed}, failed ${status.failed}, dead-lettered ${status.dead}\n`,
      )
    }
    return 0
  } finally {
    await queue.close()
    await dead.close()
    redis.disconnect()
  }
}
