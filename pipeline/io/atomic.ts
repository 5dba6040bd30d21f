/**
 * Atomic file output: write to a temporary file in the same folder, then
 * rename it into place, so a reader never sees a half-written file.
 */
import {randomBytes} from 'node:crypto'
import {createWriteStream, type WriteStream} from 'node:fs'
import {chmod, mkdir, realpath, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {finished} from 'node:stream/promises'

function temporaryPath(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.copydesk-tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  )
}

/** Write `data` to `path` atomically (creating its folder). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  const temporary = temporaryPath(path)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

/**
 * Replace the contents of the existing file `path` atomically, as an editor
 * saving it would: through a symbolic link, the file it points to (the link
 * stays a link), and with its permission bits (a private file stays private).
 */
export async function replaceFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await realpath(path)
  const {mode} = await stat(target)
  const temporary = temporaryPath(target)
  try {
    await writeFile(temporary, data, {mode: mode & 0o7777})
    // The process's umask may have narrowed the mode given at creation.
    await chmod(temporary, mode & 0o7777)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

/** A stream to `path` that only appears there once `commit()` is called. */
export interface AtomicStream {
  readonly stream: WriteStream
  /** Finish writing and rename into place. */
  commit(): Promise<void>
  /** Drop the temporary file. */
  abort(): Promise<void>
}

export async function openAtomic(path: string): Promise<AtomicStream> {
  await mkdir(dirname(path), {recursive: true})
  const temporary = temporaryPath(path)
  const stream = createWriteStream(temporary)
  return {
    stream,
    async commit() {
      stream.end()
      await finished(stream)
      await rename(temporary, path)
    },
    async abort() {
      stream.destroy()
      await rm(temporary, {force: true})
    },
  }
}
