/**
 * Resumable outputs. Every output of a run with `--out` grows in a partial
 * file (`.NAME.copydesk-partial`) and is renamed into place only when done.
 * A state file (`copydesk-state.json`) records, at checkpoints, how many input
 * items are done and how many bytes of each open output hold them, so a run
 * stopped at any instant (Ctrl-C, kill, crash) restarts with `--resume` from
 * its last checkpoint: partial outputs are cut back to the checkpoint, the
 * done items are skipped, and no record is lost or written twice.
 */
import {type FileHandle, mkdir, open, readFile, rename, rm, stat} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {writeFileAtomic} from './io/atomic.js'
import {UsageError} from './io/readers.js'

export const stateFile = 'copydesk-state.json'

/** The partial file an output grows in. */
export function partialPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.copydesk-partial`)
}

/** Buffered bytes past which an output writes to disk. */
const flushBytes = 1024 * 1024

/** An output file that grows in its partial file; see the module comment. */
/**
 * Why the partial file `partial` cannot go on from a checkpoint `resumeAt`
 * bytes in, if it cannot: it was removed, or holds fewer bytes.
 */
export async function partialShortOf(
  partial: string,
  resumeAt: number,
): Promise<string | undefined> {
  const size = await stat(partial).then(
    (info) => info.size,
    () => -1,
  )
  if (size >= resumeAt) return undefined
  return size < 0
    ? `${partial} is missing`
    : `${partial} holds ${size} bytes, fewer than the ${resumeAt} of the last checkpoint`
}

export class OutputFile {
  /** Bytes on disk in the partial file (everything flushed). */
  bytes: number
  private buffer: Uint8Array[] = []
  private buffered = 0

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    bytes: number,
  ) {
    this.bytes = bytes
  }

  /**
   * Open the output. With `resumeAt`, keep the partial file's first
   * `resumeAt` bytes (a checkpoint) and append after them; else start empty.
   */
  static async open(path: string, resumeAt?: number): Promise<OutputFile> {
    const partial = partialPath(path)
    await mkdir(dirname(path), {recursive: true})
    const short = resumeAt === undefined ? undefined : await partialShortOf(partial, resumeAt)
    if (short) {
      throw new UsageError(`Cannot resume ${path}: ${short} (run without --resume to start afresh)`)
    }
    const handle = await open(partial, resumeAt === undefined ? 'w' : 'a')
    if (resumeAt !== undefined) await handle.truncate(resumeAt)
    return new OutputFile(path, handle, resumeAt ?? 0)
  }

  /**
   * Append text or UTF-8 bytes; they reach the disk at the next flush. Bytes are
   * kept as they are (not copied) until then: the caller must not change them.
   */
  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    this.buffer.push(bytes)
    this.buffered += bytes.length
    if (this.buffered >= flushBytes) await this.flush()
  }

  /** Write everything buffered to the partial file. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return
    const chunks = this.buffer
    const total = this.buffered
    this.buffer = []
    this.buffered = 0
    // The chunks go out as they are (no joined copy: fewer large allocations for the collector).
    let written = (await this.handle.writev(chunks)).bytesWritten
    if (written === total) {
      this.bytes += total
      return
    }
    // A short write (rare on files): the rest as one buffer.
    const data = Buffer.concat(chunks)
    while (written < data.length) {
      const {bytesWritten} = await this.handle.write(data, written)
      written += bytesWritten
    }
    this.bytes += data.length
  }

  /** Flush and make the bytes durable (before a checkpoint names them). */
  async sync(): Promise<void> {
    await this.flush()
    await this.handle.datasync()
  }

  /** Flush and close; the partial file stays for {@link finishOutput}. */
  async close(): Promise<void> {
    await this.sync()
    await this.handle.close()
  }

  /** Close and drop the partial file. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => {})
    await rm(partialPath(this.path), {force: true})
  }
}

/** Rename a closed output's partial file into place (done again harmlessly on resume). */
export async function finishOutput(path: string): Promise<void> {
  try {
    await rename(partialPath(path), path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

/** What a checkpoint records. */
export interface RunState {
  format: 1
  /** Hash of the inputs (paths, sizes, times) and the configuration: a resume must match it. */
  fingerprint: string
  /** Input items done, in input order. */
  items: number
  /** Bytes of each open output (by path relative to `--out`) that hold the done items. */
  outputs: Record<string, number>
  /** Outputs complete but perhaps not yet renamed into place. */
  completed: string[]
  /** Every item is done; only renames and clean-up may be left. */
  finished: boolean
}

/** Read the state file in `out`, or `undefined` when there is none (or it is unreadable). */
export async function loadState(out: string): Promise<RunState | undefined> {
  try {
    const state = JSON.parse(await readFile(join(out, stateFile), 'utf8')) as RunState
    return state.format === 1 ? state : undefined
  } catch {
    return undefined
  }
}

/** Write the state file atomically: a reader sees the old state or the new one. */
export async function saveState(out: string, state: RunState): Promise<void> {
  await writeFileAtomic(join(out, stateFile), `${JSON.stringify(state)}\n`)
}

export async function removeState(out: string): Promise<void> {
  await rm(join(out, stateFile), {force: true})
}
