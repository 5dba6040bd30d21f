/**
 * One run at a time in an `--out` folder. Two runs writing the same folder
 * (a second started with `--resume` while the first still ran) each exited 0,
 * and left records duplicated, missing and overwritten with NUL bytes. A run
 * holds `.copydesk-lock` (its process id and host) for as long as it writes;
 * a lock left by a run that was killed (its process is gone) is taken over.
 */

import {mkdir, open, readFile, rm} from 'node:fs/promises'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {UsageError} from './io/readers.js'

export const lockFile = '.copydesk-lock'

interface LockOwner {
  pid: number
  host: string
}

/** Whether the process `pid` of this machine is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function ownerOf(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? {pid: owner.pid, host: owner.host}
      : undefined
  } catch {
    return undefined
  }
}

/** A held lock; `release` removes it. */
export interface OutLock {
  release(): Promise<void>
}

/**
 * Take the lock of `out` (made if missing), or throw a usage error naming the
 * run that holds it.
 */
export async function lockOut(out: string): Promise<OutLock> {
  await mkdir(out, {recursive: true})
  const path = join(out, lockFile)
  const me: LockOwner = {pid: process.pid, host: hostname()}
  // Twice at most: the second try follows the removal of a dead run's lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(`${JSON.stringify(me)}\n`)
      await handle.close()
      return {
        release: async () => {
          const owner = await ownerOf(path)
          if (owner?.pid === me.pid && owner.host === me.host) await rm(path, {force: true})
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = await ownerOf(path)
    if (owner && (owner.host !== me.host || alive(owner.pid))) {
      const who =
        owner.host === me.host ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`
      throw new UsageError(
        `Another copydesk run (${who}) is writing to ${out}: wait for it to end, or choose another --out ` +
          `(if no run is writing there, remove ${path})`,
      )
    }
    // The run that held it is gone (killed): its lock is stale.
    await rm(path, {force: true})
  }
  throw new UsageError(`Cannot lock ${out}: another run took ${path} first`)
}
