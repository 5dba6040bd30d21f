/**
 * CSV input (all-the-news style: a header row, one article a row, the text in
 * a `content` column), streamed with csv-parse so a large file never sits in
 * memory whole.
 */
import {once} from 'node:events'
import {parse} from 'csv-parse'
import {decodeStream} from './decode-stream.js'
import {type FieldMap, type InputError, type InputRecord, keptFields} from './jsonl.js'
import {replacedWarning, Utf8Check} from './utf8.js'

/** Columns tried, in order, when the text column named by `--text-field` is absent. */
export const textColumns = ['content', 'body', 'article', 'text']
/** Columns tried, in order, when the id column named by `--id-field` is absent. */
export const idColumns = ['id', 'url', 'link']

/** Largest row accepted; a longer one is an error (memory stays bounded on broken quoting). */
export const maxRowBytes = 64 * 1024 * 1024

function pick(header: readonly string[], wanted: string, fallbacks: readonly string[]) {
  if (header.includes(wanted)) return wanted
  return fallbacks.find((name) => header.includes(name))
}

interface Row {
  record: Record<string, string | undefined>
  info: {lines: number}
}

/** The input stream failed under the parser (it was not the CSV's fault). */
class InputFailure extends Error {
  override readonly cause: Error
  constructor(cause: Error) {
    super(cause.message)
    this.cause = cause
  }
}

/** A row the parser could not read and went past: its fault and the line it ends on. */
interface Skipped {
  skipped: string
  line: number
}

/**
 * Rows as they are parsed, then the parser's error if it fails. Unlike the
 * stream's async iterator, which drops the rows still buffered when an error
 * arrives, every row read before the fault comes out.
 */
async function* rowsOf(input: AsyncIterable<string>): AsyncGenerator<Row | Skipped | Error> {
  // Rows the parser skips are reported in line order among the rows it gives:
  // its callback may run before rows parsed earlier reach the queue.
  const skips: Skipped[] = []
  const parser = parse({
    bom: true,
    columns: true,
    // Any line ending ends a row, mixed or not: found from the first line
    // alone, CRLF made every later LF-only row part of the row before.
    record_delimiter: ['\r\n', '\n', '\r'],
    // A quote inside an unquoted field is text (`Bad "quote" here`).
    relax_quotes: true,
    // A row short of fields lacks only its last columns; a row with more
    // fields than the header (an unquoted comma in the text) cannot be read
    // right, and is an error of its own, the rows after it read on.
    relax_column_count_less: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = (error as {lines?: number} | undefined)?.lines ?? 0
      skips.push({skipped: error?.message ?? 'unreadable row', line})
      signal()
      return undefined
    },
    skip_empty_lines: true,
    max_record_size: maxRowBytes,
    info: true,
  })
  const queue: Row[] = []
  let finished = false
  let failure: Error | undefined
  let wake: (() => void) | undefined
  const signal = (): void => {
    wake?.()
    wake = undefined
  }
  parser.on('data', (row: Row) => {
    queue.push(row)
    if (queue.length >= 256) parser.pause() // back-pressure: the consumer is behind
    signal()
  })
  parser.on('end', () => {
    finished = true
    signal()
  })
  parser.on('error', (error: Error) => {
    failure = error
    finished = true
    signal()
  })
  // The text is written by hand, not piped: a pipe's source that fails drops
  // what it still held. When the input fails (a gzipped file cut short), the
  // parser still reads what came before, then the failure comes after its
  // rows: it is no fault of the CSV.
  let inputFailure: InputFailure | undefined
  const feed = async (): Promise<void> => {
    try {
      for await (const text of input) {
        if (parser.destroyed) return
        if (!parser.write(text)) await once(parser, 'drain')
      }
    } catch (error) {
      inputFailure = new InputFailure(error instanceof Error ? error : new Error(String(error)))
    }
    if (!parser.destroyed) parser.end()
  }
  const feeding = feed().catch((error: unknown) => {
    // `once` rejects when the parser fails; its own error says why.
    failure ??= error instanceof Error ? error : new Error(String(error))
  })
  while (true) {
    const row = queue[0]
    const skip = skips[0]
    // A skip waits for the row after it (or the end): rows before it may still be on their way.
    if (skip && (row ? skip.line <= row.info.lines : finished)) {
      skips.shift()
      yield skip
    } else if (row) {
      queue.shift()
      if (queue.length < 64 && parser.isPaused()) parser.resume()
      yield row
    } else if (finished) {
      await feeding
      if (failure) yield failure
      else if (inputFailure) yield inputFailure
      return
    } else {
      await new Promise<void>((resolve) => {
        wake = resolve
      })
    }
  }
}

/**
 * Stream the rows of a CSV file as records (line = the row's first line in
 * the file). A row without text, or with more fields than the header, becomes
 * an error; a file broken beyond that (a quote never closed) ends with one
 * error for the rest of it.
 */
export async function* readCsv(
  input: AsyncIterable<unknown>,
  fields: FieldMap,
): AsyncGenerator<InputRecord | InputError> {
  let header: string[] | undefined
  let textColumn: string | undefined
  let idColumn: string | undefined
  let htmlColumn: string | undefined
  // The columns as read (the text may be in `content`): `*` keeps every other one.
  let keepMap: FieldMap = fields
  let lastLine = 1
  // A spreadsheet's CSV is often windows-1252: read as UTF-8, every accented
  // letter became U+FFFD without a word. Each record says what was assumed.
  const check = new Utf8Check()
  const decoded = decodeStream(input, check)
  // A row's lines run from `line` to `lastLine`; one holding bytes that are not UTF-8 says so.
  const warned = (record: InputRecord): InputRecord => {
    let warnings = decoded.warnings
    for (let at = record.line; at <= lastLine; at++) {
      if (check.lines.has(at)) {
        warnings = [...warnings, replacedWarning]
        break
      }
    }
    return warnings.length > 0 ? {...record, warnings} : record
  }
  for await (const row of rowsOf(decoded.text)) {
    if (row instanceof InputFailure) {
      yield {line: lastLine + 1, error: `Cannot read file: ${row.cause.message}`}
      return
    }
    if (row instanceof Error) {
      yield {line: lastLine + 1, error: `Invalid CSV: ${row.message}`}
      return
    }
    if ('skipped' in row) {
      yield {line: Math.max(row.line, lastLine + 1), error: `Invalid CSV row: ${row.skipped}`}
      lastLine = Math.max(row.line, lastLine + 1)
      continue
    }
    if (header === undefined) {
      header = Object.keys(row.record)
      textColumn = pick(header, fields.text, textColumns)
      idColumn = pick(header, fields.id, idColumns)
      htmlColumn =
        fields.html !== undefined && header.includes(fields.html) ? fields.html : undefined
      keepMap = {
        ...fields,
        id: idColumn ?? fields.id,
        text: textColumn ?? fields.text,
        html: htmlColumn ?? fields.html,
      }
    }
    const line = lastLine + 1
    lastLine = row.info.lines
    const rawId = idColumn === undefined ? undefined : row.record[idColumn]
    const extra = keptFields(row.record, keepMap)
    const where = {
      line,
      ...(rawId === undefined || rawId === '' ? {} : {id: rawId}),
      ...(extra === undefined ? {} : {extra}),
    }
    const html = htmlColumn === undefined ? undefined : row.record[htmlColumn]
    const text = textColumn === undefined ? undefined : row.record[textColumn]
    if (html !== undefined && html !== '' && (text === undefined || text === '')) {
      const url = row.record[fields.url ?? 'url']
      yield warned({...where, text: '', html, ...(url ? {url} : {})})
    } else if (textColumn === undefined) {
      const tried = [...new Set([fields.text, ...textColumns])]
      yield {...where, error: `No text column: none of \`${tried.join('`, `')}\``}
    } else if (text === undefined) {
      yield {...where, error: `Row has no \`${textColumn}\` value`}
    } else {
      yield warned({...where, text})
    }
  }
}
