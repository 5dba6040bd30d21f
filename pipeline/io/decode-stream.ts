/**
 * The text of a byte stream (a CSV file), decoded as `decode` decodes a
 * whole file, judged on its start: UTF-8; UTF-16 with a byte order mark; a
 * legacy encoding (windows-1252 from a spreadsheet) when the first 64 KiB are
 * not UTF-8 and chardet is confident; else UTF-8 with U+FFFD for what is not.
 * Streamed: the file is never in memory whole.
 */
import iconv from 'iconv-lite'
import {legacyEncodingOf, utf16Bom} from './decode.js'
import type {Utf8Check} from './utf8.js'

/** Bytes read before the encoding is judged. */
const sampleBytes = 65536

export interface DecodedStream {
  /**
   * The text, as strings. If the input fails (a gzipped file cut short),
   * the text ends at the last line break before the fault (a line cut short
   * is no line) and the input's error follows.
   */
  readonly text: AsyncIterable<string>
  /** What was assumed (the encoding, or bytes replaced), filled before the first string comes out. */
  readonly warnings: string[]
}

interface Decoder {
  write(bytes: Buffer): string
  end(): string | undefined
  /** Whether it reads UTF-8 (bytes that are not become U+FFFD). */
  readonly utf8?: boolean
}

function utf8Decoder(): Decoder {
  const decoder = new TextDecoder('utf-8')
  return {
    write: (bytes) => decoder.decode(bytes, {stream: true}),
    end: () => decoder.decode(),
    utf8: true,
  }
}

/** The decoder for a stream that starts with `head`, and what it assumes, in `warnings`. */
function decoderFor(head: Buffer, warnings: string[]): Decoder {
  const bom = utf16Bom(head)
  if (bom) {
    warnings.push(bom.warning)
    return iconv.getDecoder(bom.encoding, {stripBOM: true}) as unknown as Decoder
  }
  try {
    // `stream`: a sequence cut at the end of the sample is not an error.
    new TextDecoder('utf-8', {fatal: true}).decode(head, {stream: true})
    return utf8Decoder()
  } catch {
    const legacy = legacyEncodingOf(head)
    if (legacy) {
      warnings.push(legacy.warning)
      return iconv.getDecoder(legacy.encoding) as unknown as Decoder
    }
    warnings.push('Input is not valid UTF-8: invalid byte sequences replaced with U+FFFD')
    return utf8Decoder()
  }
}

const bufferOf = (chunk: unknown): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array)

/**
 * Decode `input`; see the module comment. Read as UTF-8, its bytes also go
 * through `check`, which finds the lines holding sequences that are not.
 */
export function decodeStream(input: AsyncIterable<unknown>, check?: Utf8Check): DecodedStream {
  const warnings: string[] = []
  async function* strings(): AsyncGenerator<string> {
    const iterator = input[Symbol.asyncIterator]()
    const sample: Buffer[] = []
    let size = 0
    let done = false
    // An input that fails (a damaged gzip) still gives what came before: its
    // error is kept, and the input counts as ended.
    let failure: unknown
    const pull = async (): Promise<IteratorResult<unknown>> => {
      try {
        return await iterator.next()
      } catch (error) {
        failure = error
        return {done: true, value: undefined}
      }
    }
    while (size < sampleBytes) {
      const next = await pull()
      if (next.done) {
        done = true
        break
      }
      const chunk = bufferOf(next.value)
      sample.push(chunk)
      size += chunk.length
    }
    const head = Buffer.concat(sample)
    // Judged on the first 64 KiB only, however large the first chunks are.
    const decoder = decoderFor(head.subarray(0, sampleBytes), warnings)
    const checked = decoder.utf8 ? check : undefined
    checked?.read(head)
    // The text after the last line break goes out with the next string: if
    // the input fails first, it is a line cut short, and it is left out.
    let pending = ''
    function* lines(text: string): Generator<string> {
      const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1
      if (cut === 0) {
        pending += text
        return
      }
      yield pending + text.slice(0, cut)
      pending = text.slice(cut)
    }
    yield* lines(decoder.write(head))
    while (!done) {
      const next = await pull()
      if (next.done) break
      const bytes = bufferOf(next.value)
      checked?.read(bytes)
      yield* lines(decoder.write(bytes))
    }
    if (failure !== undefined) throw failure
    checked?.end()
    const rest = pending + (decoder.end() ?? '')
    if (rest) yield rest
  }
  return {text: strings(), warnings}
}
