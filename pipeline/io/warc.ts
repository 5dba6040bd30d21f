/**
 * WARC and WARC.gz input (Common Crawl style), streamed record by record with
 * warcio: every `response` record whose HTTP payload is HTML becomes one page.
 * Requests, metadata, revisits and non-HTML responses are not articles and are
 * passed over.
 */
import type {Readable} from 'node:stream'
import {WARCParser} from 'warcio'
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
}

/** An HTTP Content-Type that holds a page. */
export const htmlType = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i

/** Stream the HTML pages of a WARC (plain or gzipped, detected from the bytes). */
export async function* readWarc(input: Readable): AsyncGenerator<WarcPage | WarcError> {
  let record = 0
  for await (const entry of WARCParser.iterRecords(input)) {
    record++
    if (entry.warcType !== 'response') continue
    const url = entry.warcTargetURI ?? undefined
    const http = entry.httpHeaders
    const type = http?.headers.get('content-type') ?? ''
    if (!http || !htmlType.test(type)) continue
    const status = Number(http.statusCode)
    if (status < 200 || status >= 300) continue
    let bytes: Uint8Array
    try {
      // `true`: undo chunked transfer and content encodings, as a browser would.
      bytes = await entry.readFully(true)
    } catch (error) {
      yield {record, url, error: `Cannot read WARC record: ${(error as Error).message}`}
      continue
    }
    // Binary payloads labelled HTML are refused by the HTML reader: an error record for this
    // record only, so the pages after it are still read.
    let page: ReturnType<typeof decodeHtml>
    try {
      page = decodeHtml(bytes)
    } catch (error) {
      if (!(error instanceof HtmlInputError)) throw error
      yield {record, url, error: `Skipped: ${error.message}`}
      continue
    }
    yield {record, url, html: page.html, warnings: page.warnings}
  }
}
