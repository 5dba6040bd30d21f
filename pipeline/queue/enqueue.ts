/** `copydesk enqueue`: stream input records into a BullMQ queue in chunks. */
import {Queue} from 'bullmq'
import type {Redis} from 'ioredis'
import type {InputFile} from '../batch.js'
import type {FieldMap} from '../io/jsonl.js'
import type {InputItem} from '../item.js'
import {claimConfig, type QueueConfig, seenKey, sequenceKey} from './config.js'
import {jobIdOf, plainItem, type QueuedTask, readTasks} from './tasks.js'

export interface EnqueueOptions {
  queue: string
  config: QueueConfig
  fields?: FieldMap | undefined
  /** Records per round trip to Redis (default 500). */
  chunkSize?: number | undefined
  /** Tries per job before it goes to the dead-letter queue (default 3). */
  attempts?: number | undefined
  /** First retry delay in ms, doubled each time (default 1000). */
  backoff?: number | undefined
}

export interface EnqueueResult {
  read: number
  added: number
  skipped: number
}

export async function enqueue(
  redis: Redis,
  files: readonly InputFile[],
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  await claimConfig(redis, options.queue, options.config)
  const queue = new Queue(options.queue, {connection: redis})
  const chunkSize = options.chunkSize ?? 500
  const result: EnqueueResult = {read: 0, added: 0, skipped: 0}
  let chunk: InputItem[] = []
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return
    const tasks = chunk
    chunk = []
    const ids = tasks.map((task) => jobIdOf(task, options.config.hash))
    // Only ids not seen before become jobs. They are marked seen only after
    // they are in the queue: a crash in between re-adds them next time, and
    // `collect` drops the duplicate result, instead of losing them.
    const seen = await redis.smismember(seenKey(options.queue), ...ids)
    const fresh: Array<{task: InputItem; id: string}> = []
    tasks.forEach((task, index) => {
      const id = ids[index]
      if (id !== undefined && seen[index] === 0) fresh.push({task, id})
    })
    result.skipped += tasks.length - fresh.length
    if (fresh.length === 0) return
    const last = await redis.incrby(sequenceKey(options.queue), fresh.length)
    const first = last - fresh.length
    await queue.addBulk(
      fresh.map(({task, id}, index) => ({
        name: 'record',
        data: {seq: first + index, item: plainItem(task)} satisfies QueuedTask,
        opts: {
          jobId: id,
          attempts: options.attempts ?? 3,
          backoff: {type: 'exponential', delay: options.backoff ?? 1000},
          removeOnComplete: true,
          removeOnFail: false,
        },
      })),
    )
    await redis.sadd(seenKey(options.queue), ...fresh.map(({id}) => id))
    result.added += fresh.length
  }
  try {
    for await (const task of readTasks(files, options.fields)) {
      result.read++
      chunk.push(task)
      if (chunk.length >= chunkSize) await flush()
    }
    await flush()
  } finally {
    await queue.close()
  }
  return result
}
