/**
 * The run's configuration, stored with the queue so every worker applies the
 * same pipeline, and a hash of it that goes into every job id.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import type {Redis} from 'ioredis'
import {z} from 'zod'
import {UsageError} from '../batch.js'

export const version = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

export const queueConfigSchema = z.object({
  version: z.string(),
  options: z.object({dryRun: z.boolean(), score: z.boolean()}),
  hash: z.string(),
})

export type QueueConfig = z.infer<typeof queueConfigSchema>

export function makeConfig(options: QueueConfig['options']): QueueConfig {
  const hash = createHash('sha256')
    .update(JSON.stringify({version, options}))
    .digest('hex')
    .slice(0, 16)
  return {version, options, hash}
}

export const configKey = (queue: string): string => `copydesk:queue:${queue}:config`
export const seenKey = (queue: string): string => `copydesk:queue:${queue}:seen`
export const sequenceKey = (queue: string): string => `copydesk:queue:${queue}:sequence`

/** Store the config, or check it matches the one the queue was made with. */
export async function claimConfig(redis: Redis, queue: string, config: QueueConfig): Promise<void> {
  const stored = await redis.set(configKey(queue), JSON.stringify(config), 'NX')
  if (stored === 'OK') return
  const existing = await readConfig(redis, queue)
  if (existing.hash !== config.hash) {
    throw new UsageError(
      `Queue \`${queue}\` was made with another config (copydesk ${existing.version}, ` +
        `config ${existing.hash}; this run: copydesk ${config.version}, config ${config.hash}). ` +
        'Use another --queue name.',
    )
  }
}

/** Read the queue's config; a UsageError when there is none or it is not ours. */
export async function readConfig(redis: Redis, queue: string): Promise<QueueConfig> {
  const raw = await redis.get(configKey(queue))
  if (raw === null)
    throw new UsageError(
      `No copydesk queue \`${queue}\` on this Redis (run copydesk enqueue first)`,
    )
  const parsed = queueConfigSchema.safeParse(JSON.parse(raw))
  if (!parsed.success) throw new UsageError(`Queue \`${queue}\` has a config copydesk cannot read`)
  return parsed.data
}
