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

/**
 * Stream the rows of a CSV file as records (line = the row's first line in
 * the file). A row without the text column becomes an error; a broken file
 * ends with one error for the rest of it.
 */
export async function* readCsv(
  input: Readable,
  fields: FieldMap,
): AsyncGenerator<InputRecord | InputError> {
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
  let header: string[] | undefined
  let textColumn: string | undefined
  let idColumn: string | undefined
  let htmlColumn: string | undefined
  let lastLine = 1
  try {
    for await (const row of parser as AsyncIterable<{
      record: Record<string, string | undefined>
      info: {lines: number; records: number}
    }>) {
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
      const id = rawId === undefined || rawId === '' ? undefined : rawId
      const html = htmlColumn === undefined ? undefined : row.record[htmlColumn]
      const text = textColumn === undefined ? undefined : row.record[textColumn]
      if (html !== undefined && html !== '' && (text === undefined || text === '')) {
        const url = row.record[fields.url ?? 'url']
        yield {line, ...(id === undefined ? {} : {id}), text: '', html, ...(url ? {url} : {})}
      } else if (text === undefined) {
        yield {
          line,
          ...(id === undefined ? {} : {id}),
          error: `No text column: none of \`${[fields.text, ...textColumns].join('`, `')}\``,
        }
      } else {
        yield {line, ...(id === undefined ? {} : {id}), text}
      }
    }
  } catch (error) {
    yield {line: lastLine + 1, error: `Invalid CSV: ${(error as Error).message}`}
  }
}
