/**
 * A throwaway redis-server on a free loopback port, for the queue benchmark
 * and the queue integration tests (Debian's redis-server package).
 */
import {type ChildProcess, spawn} from 'node:child_process'
import {createServer} from 'node:net'

export const redisServer = '/usr/bin/redis-server'

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface RunningRedis {
  url: string
  process: ChildProcess
}

/** Start redis-server without persistence; resolves once it accepts connections. */
export async function startRedis(extra: readonly string[] = []): Promise<RunningRedis> {
  const port = await freePort()
  const server = spawn(
    redisServer,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra],
    {stdio: ['ignore', 'pipe', 'ignore']},
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000)
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)))
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  return {url: `redis://127.0.0.1:${port}`, process: server}
}

/** Resolves when `child` has exited, with its exit code (null when a signal ended it). */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
}

/** Start `copydesk worker` on `queue`, writing to `out`, until the queue is empty. */
export function spawnWorker(
  cliPath: string,
  url: string,
  queue: string,
  out: string,
  extra: readonly string[] = [],
): ChildProcess {
  return spawn(
    process.execPath,
    [
      cliPath,
      'worker',
      '--redis',
      url,
      '--queue',
      queue,
      '--out',
      out,
      '--exit-when-idle',
      '--quiet',
      ...extra,
    ],
    {stdio: 'ignore'},
  )
}
