/**
 * CSV input (all-the-news style: a header row, one article a row, the text in
 * a `content` column), streamed with csv-parse so a large file never sits in
 * memory whole.
 */
import type {Readable} from 'node:stream'
import {parse} from 'csv-parse'
import type {FieldMap, InputError, InputRecord} from './jsonl.js'

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

/**
 * Rows as they are parsed, then the parser's error if it fails. Unlike the
 * stream's async iterator, which drops the rows still buffered when an error
 * arrives, every row read before the fault comes out.
 */
async function* rowsOf(input: Readable): AsyncGenerator<Row | Error> {
  const parser = input.pipe(
    parse({
      bom: true,
      columns: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRowBytes,
      info: true,
    }),
  )
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
  input.on('error', (error: Error) => parser.destroy(error))
  while (true) {
    const row = queue.shift()
    if (row) {
      if (queue.length < 64 && parser.isPaused()) parser.resume()
      yield row
    } else if (finished) {
      if (failure) yield failure
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
 * the file). A row without text becomes an error; a broken file ends with one
 * error for the rest of it.
 */
export async function* readCsv(
  input: Readable,
  fields: FieldMap,
): AsyncGenerator<InputRecord | InputError> {
  let header: string[] | undefined
  let textColumn: string | undefined
  let idColumn: string | undefined
  let htmlColumn: string | undefined
  let lastLine = 1
  for await (const row of rowsOf(input)) {
    if (row instanceof Error) {
      yield {line: lastLine + 1, error: `Invalid CSV: ${row.message}`}
      return
    }
    if (header === undefined) {
      header = Object.keys(row.record)
      textColumn = pick(header, fields.text, textColumns)
      idColumn = pick(header, fields.id, idColumns)
      htmlColumn =
        fields.html !== undefined && header.includes(fields.html) ? fields.html : undefined
    }
    const line = lastLine + 1
    lastLine = row.info.lines
    const rawId = idColumn === undefined ? undefined : row.record[idColumn]
    const where = {line, ...(rawId === undefined || rawId === '' ? {} : {id: rawId})}
    const html = htmlColumn === undefined ? undefined : row.record[htmlColumn]
    const text = textColumn === undefined ? undefined : row.record[textColumn]
    if (html !== undefined && html !== '' && (text === undefined || text === '')) {
      const url = row.record[fields.url ?? 'url']
      yield {...where, text: '', html, ...(url ? {url} : {})}
    } else if (textColumn === undefined) {
      const tried = [...new Set([fields.text, ...textColumns])]
      yield {...where, error: `No text column: none of \`${tried.join('`, `')}\``}
    } else if (text === undefined) {
      yield {...where, error: `Row has no \`${textColumn}\` value`}
    } else {
      yield {...where, text}
    }
  }
}
