/**
 * `copydesk worker`: process queued records with the pipeline the queue was
 * made with, and write results to part files in `--out`.
 *
 * A job completes only once its result is in a file renamed into place
 * (group commit: results wait a few milliseconds for others and are written
 * together). A worker killed before that leaves its jobs to BullMQ's stalled
 * check, and another worker does them again; a worker killed after it leaves
 * a duplicate that `collect` drops.
 */
import {hostname} from 'node:os'
import {join} from 'node:path'
import {type Job, Queue, Worker} from 'bullmq'
import type {Redis} from 'ioredis'
import {UsageError} from '../batch.js'
import {writeFileAtomic} from '../io/atomic.js'
import {processItem} from '../item.js'
import {type QueueConfig, readConfig, version} from './config.js'
import {taskSchema} from './tasks.js'

export interface WorkerOptions {
  queue: string
  out: string
  concurrency?: number | undefined
  exitWhenIdle?: boolean | undefined
  /** Milliseconds before a dead worker's jobs are taken back (default 30 000). */
  lockDuration?: number | undefined
  /** Results written together at most this often, in ms (default 100). */
  commitInterval?: number | undefined
  onProgress?: ((done: number) => void) | undefined
}

export const deadLetterQueue = (queue: string): string => `${queue}-dead`
export const doneKey = (queue: string): string => `copydesk:queue:${queue}:done`

interface Pending {
  line: string
  resolve: () => void
  reject: (error: unknown) => void
}

/** Collects result lines and writes them in one atomic file per commit. */
class ResultSink {
  private pending: Pending[] = []
  private timer: NodeJS.Timeout | undefined
  private parts = 0
  private writing: Promise<void> = Promise.resolve()
  constructor(
    private readonly out: string,
    private readonly interval: number,
    /** Commit at once when this many results wait: every job slot is then blocked on us. */
    private readonly batchSize: number,
    private readonly onCommit: (count: number) => Promise<void>,
  ) {}

  add(line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({line, resolve, reject})
      if (this.pending.length >= this.batchSize) void this.commit()
      else this.timer ??= setTimeout(() => void this.commit(), this.interval)
    })
  }

  get idle(): boolean {
    return this.pending.length === 0
  }

  commit(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.pending
    this.pending = []
    if (batch.length === 0) return this.writing
    const name = `part-${hostname()}-${process.pid}-${Date.now()}-${this.parts++}.jsonl`
    this.writing = this.writing.then(async () => {
      try {
        await writeFileAtomic(join(this.out, name), batch.map((item) => item.line).join(''))
        await this.onCommit(batch.length)
        for (const item of batch) item.resolve()
      } catch (error) {
        for (const item of batch) item.reject(error)
      }
    })
    return this.writing
  }
}

function processJob(data: unknown, config: QueueConfig, jobId: string): string {
  const parsed = taskSchema.safeParse(data)
  if (!parsed.success) {
    throw new Error(`Unusable job data: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  }
  const {seq, item} = parsed.data
  const {json} = processItem(item, config.options)
  // The record as a local run writes it, plus where it belongs in the input.
  return `${json.slice(0, -1)},"queue":${JSON.stringify({seq, jobId})}}\n`
}

/** Run a worker until it is stopped (or, with exitWhenIdle, the queue is empty). */
export async function runWorker(
  redis: Redis,
  options: WorkerOptions,
): Promise<{processed: number; failed: number}> {
  const config = await readConfig(redis, options.queue)
  if (config.version !== version) {
    throw new UsageError(
      `Queue \`${options.queue}\` was made with copydesk ${config.version}; this is ${version}`,
    )
  }
  let processed = 0
  let failed = 0
  const concurrency = options.concurrency ?? 16
  const sink = new ResultSink(
    options.out,
    options.commitInterval ?? 100,
    concurrency,
    async (count) => {
      processed += count
      await redis.incrby(doneKey(options.queue), count)
      options.onProgress?.(processed)
    },
  )
  const dead = new Queue(deadLetterQueue(options.queue), {connection: redis})
  const workerConnection = redis.duplicate({maxRetriesPerRequest: null})
  const worker = new Worker(
    options.queue,
    async (job: Job) => {
      await sink.add(processJob(job.data, config, job.id ?? ''))
    },
    {
      connection: workerConnection,
      concurrency,
      lockDuration: options.lockDuration ?? 30_000,
      stalledInterval: Math.max(500, Math.floor((options.lockDuration ?? 30_000) / 2)),
      autorun: false,
      // Poll an empty queue for at most a second, so a stopping worker exits promptly.
      drainDelay: 1,
    },
  )
  worker.on('failed', (job, error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return
    failed++
    void dead.add(
      'dead',
      {jobId: job.id, data: job.data, error: error.message, failedAt: new Date().toISOString()},
      job.id === undefined ? {} : {jobId: job.id},
    )
  })
  worker.on('error', (error) => process.stderr.write(`copydesk: worker: ${error.message}\n`))

  const queue = new Queue(options.queue, {connection: redis})
  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await worker.close()
      await sink.commit()
      await dead.close()
      await queue.close()
      workerConnection.disconnect()
    })()
    return stopping
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  let idleTimer: NodeJS.Timeout | undefined
  if (options.exitWhenIdle) {
    idleTimer = setInterval(async () => {
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'paused',
      )
      const left = Object.values(counts).reduce((sum, count) => sum + count, 0)
      if (left === 0 && sink.idle) void stop()
    }, 250)
  }
  const running = worker.run()
  await running
  await stop()
  clearInterval(idleTimer)
  return {processed, failed}
}
