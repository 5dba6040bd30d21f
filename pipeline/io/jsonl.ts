/**
 * JSONL input: one `{"id", "text"}` object a line, read as a stream so a
 * large file never sits in memory whole. Bad lines become error records.
 */
import {createInterface} from 'node:readline'
import type {Readable} from 'node:stream'

export interface InputRecord {
  /** 1-based line number in the input. */
  line: number
  id?: string | number | undefined
  /** The text to clean (`''` when the record holds HTML instead). */
  text: string
  /** The page's HTML, when `FieldMap.html` names a field that holds it. */
  html?: string | undefined
  /** The page's URL (`FieldMap.url`), for HTML extraction. */
  url?: string | undefined
  /** Other fields of the input object, passed through untouched. */
  extra?: Record<string, unknown> | undefined
}

export interface InputError {
  line: number
  id?: string | number | undefined
  error: string
}

export interface FieldMap {
  /** Field holding the record id (default `id`). */
  id: string
  /** Field holding the text (default `text`). */
  text: string
  /** Field holding HTML to extract the article from (no default: off). */
  html?: string | undefined
  /** Field holding the page URL, used with `html` (default `url`). */
  url?: string | undefined
}

export const defaultFields: FieldMap = {id: 'id', text: 'text'}

/** Parse one JSONL line into an input record or an error. Blank lines give `undefined`. */
export function parseLine(
  raw: string,
  line: number,
  fields: FieldMap = defaultFields,
): InputRecord | InputError | undefined {
  if (raw.trim() === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    return {line, error: `Invalid JSON: ${(error as Error).message}`}
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {line, error: 'Expected a JSON object'}
  }
  const object = value as Record<string, unknown>
  const rawId = object[fields.id]
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : undefined
  const text = object[fields.text]
  const html = fields.html === undefined ? undefined : object[fields.html]
  if (typeof html === 'string' && typeof text !== 'string') {
    const url = object[fields.url ?? 'url']
    return {
      line,
      ...(id === undefined ? {} : {id}),
      text: '',
      html,
      ...(typeof url === 'string' ? {url} : {}),
    }
  }
  if (typeof text !== 'string') {
    return {
      line,
      ...(id === undefined ? {} : {id}),
      error:
        text === undefined
          ? `Missing field \`${fields.text}\`${fields.html === undefined ? '' : ` or \`${fields.html}\``}`
          : `Field \`${fields.text}\` is not a string`,
    }
  }
  return {line, ...(id === undefined ? {} : {id}), text}
}

/** Stream the lines of `input` as records or errors, in order. */
export async function* readJsonl(
  input: Readable,
  fields: FieldMap = defaultFields,
): AsyncGenerator<InputRecord | InputError> {
  const lines = createInterface({input, crlfDelay: Number.POSITIVE_INFINITY})
  let line = 0
  for await (const raw of lines) {
    line++
    const parsed = parseLine(raw, line, fields)
    if (parsed) yield parsed
  }
}

export function isInputError(value: InputRecord | InputError): value is InputError {
  return 'error' in value
}
