/**
 * WARC and WARC.gz input (Common Crawl style), streamed record by record with
 * warcio: every `response` record whose HTTP payload is HTML becomes one page.
 * Requests, metadata, revisits and non-HTML responses are not articles and are
 * passed over.
 */
import type {Readable} from 'node:stream'
import {LimitReader, WARCParser, type WARCRecord} from 'warcio'
import {htmlTooLarge} from '../limits.js'
import {decodeHtml} from './html-charset.js'
import {HtmlInputError} from './html-errors.js'

/** One HTML page from a WARC file. */
export interface WarcPage {
  /** 1-based number of the record in the file (every record counts). */
  record: number
  /** `WARC-Target-URI`. */
  url: string | undefined
  html: string
  /** Decoding warnings. */
  warnings: string[]
}

/** A WARC record that should have held a page and could not be read. */
export interface WarcError {
  record: number
  url: string | undefined
  error: string
  /** The file ends inside this record. */
  cut?: true
}

/** An HTTP Content-Type that holds a page. */
export const htmlType = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i

/**
 * How many times the WARC parser may ask for more bytes once the input has
 * ended. warcio asks a few times at the end of a well-formed file; when a
 * record's Content-Length runs past the end of a cut-short file, skipping the
 * rest of that record asks forever (warcio 2.4: `LimitReader#skipFully` loops
 * while each read past the end gives nothing), which hung the whole batch.
 */
export const readsPastEnd = 64

/** Thrown when the WARC parser keeps asking for bytes after the input ended. */
class ReadPastEndError extends Error {}

/** The bytes of an input as the WARC parser reads them, counted. */
class CountedInput implements AsyncIterable<Uint8Array> {
  /** Bytes handed to the parser so far. */
  bytes = 0
  /** Whether the input starts as gzip does. */
  gzip = false
  /** Line feeds in the run of CR and LF bytes that ends the input so far. */
  closingLineFeeds = 0
  readonly #input: AsyncIterable<Uint8Array>

  constructor(input: AsyncIterable<Uint8Array>) {
    this.#input = input
  }

  /** The chunks, then the end; asked for more {@link readsPastEnd} times after it, a {@link ReadPastEndError}. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const source = this.#input[Symbol.asyncIterator]()
    let pastEnd = -1
    return {
      next: async () => {
        if (pastEnd >= 0) {
          if (++pastEnd > readsPastEnd) throw new ReadPastEndError()
          return {done: true, value: undefined}
        }
        const result = await source.next()
        if (result.done) pastEnd = 0
        else this.#read(result.value)
        return result
      },
    }
  }

  #read(chunk: Uint8Array): void {
    if (this.bytes === 0) this.gzip = chunk[0] === 0x1f && chunk[1] === 0x8b
    this.bytes += chunk.byteLength
    let at = chunk.byteLength - 1
    let lineFeeds = 0
    for (; at >= 0; at--) {
      const byte = chunk[at]
      if (byte === 0x0a) lineFeeds++
      else if (byte !== 0x0d) break
    }
    // A chunk of line breaks only carries the run on.
    this.closingLineFeeds = at < 0 ? this.closingLineFeeds + lineFeeds : lineFeeds
  }

  /**
   * Whether the input ended where a record can end: a plain WARC record ends
   * with two line breaks (CRLF CRLF); a gzipped one at the end of its member,
   * which `offset` (the parser's end of its last whole record) tells.
   */
  endsWhole(offset: number): boolean {
    if (this.bytes === 0) return true
    return this.gzip ? offset >= this.bytes : this.closingLineFeeds >= 2
  }
}

/**
 * Stream the HTML pages of a WARC (plain or gzipped, detected from the bytes).
 * A file cut short (an interrupted download) ends with an error naming the
 * last record read: warcio itself stops quietly there, or never stops.
 */
export async function* readWarc(input: Readable): AsyncGenerator<WarcPage | WarcError> {
  const counted = new CountedInput(input)
  const parser = new WARCParser(counted)
  let record = 0
  let url: string | undefined
  /** The record last found cut short (its error says so already). */
  let cutRecord = -1
  const cutShort = (): WarcError => ({
    record,
    url,
    error:
      record === 0
        ? 'The file is cut short or is not a WARC file: no whole record was read'
        : `The file is cut short or damaged in or after WARC record ${record}: nothing after it could be read`,
  })
  try {
    for await (const entry of parser) {
      // Every WARC record opens with its version line (`WARC/1.1`).
      if (!entry.warcHeaders.statusline.startsWith('WARC/')) {
        yield {
          record: record + 1,
          url: undefined,
          error:
            record === 0
              ? 'Not a WARC file: it does not open with a WARC version line'
              : `Record ${record + 1} does not open with a WARC version line: the file is damaged after WARC record ${record}`,
        }
        return
      }
      record++
      url = entry.warcTargetURI ?? undefined
      const page = await pageOf(entry, record, url)
      if (page && 'cut' in page) cutRecord = record
      if (page) yield page
    }
  } catch (error) {
    if (!(error instanceof ReadPastEndError)) throw error
    if (cutRecord !== record) yield cutShort()
    return
  }
  if (!counted.endsWhole(parser.offset) && cutRecord !== record) yield cutShort()
}

/** About how many bytes an HTTP head took in the record (its status line and headers as written). */
function headLength(http: NonNullable<WARCRecord['httpHeaders']>): number {
  let length = http.statusline.length + 4
  for (const [name, value] of http.headers) length += name.length + value.length + 4
  return length
}

/** The page of one WARC record, an error for a page that could not be read, or `undefined` for any other record. */
async function pageOf(
  entry: WARCRecord,
  record: number,
  url: string | undefined,
): Promise<WarcPage | WarcError | undefined> {
  if (entry.warcType !== 'response') return undefined
  const http = entry.httpHeaders
  const type = http?.headers.get('content-type') ?? ''
  if (!http || !htmlType.test(type)) return undefined
  const status = Number(http.statusCode)
  if (status < 200 || status >= 300) return undefined
  // The payload's length as the record announces it (Content-Length less the
  // HTTP head), read before the payload is.
  const reader = entry.reader
  const announced = reader instanceof LimitReader ? reader.limit : undefined
  let bytes: Uint8Array
  try {
    const raw = await entry.readFully(false)
    if (announced !== undefined && raw.byteLength < announced) {
      return {
        record,
        url,
        error: `WARC record ${record} is cut short: ${raw.byteLength} of its ${announced} payload bytes are in the file`,
        cut: true,
      }
    }
    if (raw.byteLength === 0 && headLength(http) + 16 < (entry.warcContentLength ?? 0)) {
      // A head whose lines end in a bare LF runs into the page: warcio then
      // reads the whole record as head and hands back an empty page.
      return {
        record,
        url,
        error: `WARC record ${record} gave an empty page from ${entry.warcContentLength} bytes: its HTTP head may not end in a blank line (CRLF CRLF)`,
      }
    }
    // `true`: undo chunked transfer and content encodings, as a browser would.
    bytes = await entry.readFully(true)
  } catch (error) {
    return {record, url, error: `Cannot read WARC record: ${(error as Error).message}`}
  }
  // A page of hundreds of megabytes (a small gzip can hold one) is refused before it is decoded.
  const large = htmlTooLarge(bytes.byteLength)
  if (large) return {record, url, error: `Skipped: ${large}`}
  // Binary payloads labelled HTML are refused by the HTML reader: an error record for this
  // record only, so the pages after it are still read.
  try {
    const page = decodeHtml(bytes)
    return {record, url, html: page.html, warnings: page.warnings}
  } catch (error) {
    if (!(error instanceof HtmlInputError)) throw error
    return {record, url, error: `Skipped: ${error.message}`}
  }
}
