/**
 * Gunzip a byte stream chunk by chunk, keeping every byte it decompressed
 * before a fault. A piped `createGunzip()` read with `for await` throws at a
 * fault and drops what it still held: a gzipped JSONL with one stray byte
 * after its end, read a record a turn as a batch reads it, lost its last 208
 * of 3,000 records, though they decompressed fine.
 */
import {createGunzip} from 'node:zlib'

/**
 * The decompressed bytes of `source`, then, if the data is damaged or cut
 * short, its error. Each input chunk is written and its output taken before
 * the next is read, so memory holds one chunk's output at most.
 */
export async function* gunzipChunks(source: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  const gunzip = createGunzip()
  const out: Buffer[] = []
  let failure: Error | undefined
  let wake: (() => void) | undefined
  gunzip.on('data', (chunk: Buffer) => {
    out.push(chunk)
  })
  // Listened to for the whole life of the stream: its error may come after a
  // step's callback, and an error nobody listens to would end the process.
  gunzip.on('error', (error: Error) => {
    failure ??= error
    wake?.()
  })
  // Waits until the step is done or the unzipper fails (the step's callback may then never come).
  const settled = (step: (done: () => void) => void): Promise<void> =>
    new Promise((resolve) => {
      if (failure) return resolve()
      wake = resolve
      step(() => resolve())
    })
  try {
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
      await settled((done) => gunzip.write(bytes, () => done()))
      while (out.length > 0) yield out.shift() as Buffer
      if (failure) throw failure
    }
    await settled((done) => {
      gunzip.once('end', done)
      gunzip.end()
    })
    while (out.length > 0) yield out.shift() as Buffer
    if (failure) throw failure
  } finally {
    gunzip.destroy()
  }
}
