/**
 * Redis connections for the distributed runner. Every command checks the
 * connection once with a short timeout first, so an unreachable server or a
 * wrong password is a clear error instead of an endless retry loop.
 */
import {Redis} from 'ioredis'
import {UsageError} from '../batch.js'

/** Connect and check that the server answers; a UsageError (exit 2) if it does not. */
export async function connect(url: string, timeoutMs = 3000): Promise<Redis> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  })
  // ioredis reports the server's own refusal (WRONGPASS, NOAUTH) as an
  // 'error' event and then rejects connect() with a bare "Connection is closed".
  let cause: Error | undefined
  probe.on('error', (error: Error) => {
    cause ??= error
  })
  try {
    await probe.connect()
    await probe.ping()
  } catch (error) {
    probe.disconnect()
    const message = (cause ?? (error as Error)).message
    if (/NOAUTH|WRONGPASS|invalid password|AUTH/i.test(message)) {
      throw new UsageError(`Redis at ${redact(url)} refused the credentials: ${message}`)
    }
    throw new UsageError(`Cannot reach Redis at ${redact(url)}: ${message}`)
  }
  probe.disconnect()
  // BullMQ workers need blocking commands that are never retried away.
  const connection = new Redis(url, {maxRetriesPerRequest: null})
  connection.on('error', (error) => process.stderr.write(`copydesk: redis: ${error.message}\n`))
  return connection
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}
