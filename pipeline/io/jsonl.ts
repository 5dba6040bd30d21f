/**
 * JSONL input: one `{"id", "text"}` object a line, read as a stream so a
 * large file never sits in memory whole. Bad lines become error records.
 */
import {replacedWarning, Utf8Check} from './utf8.js'

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
  /** Fields of the input kept for the record (`FieldMap.keep`), as they are. */
  extra?: Record<string, unknown> | undefined
  /** What reading it assumed (its file's encoding), for the record's messages. */
  warnings?: readonly string[] | undefined
}

export interface InputError {
  line: number
  id?: string | number | undefined
  error: string
  /** Fields of the input kept for the record, when the line was an object. */
  extra?: Record<string, unknown> | undefined
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
  /**
   * Fields carried into the record as they are (`fields`), so that a cleaned
   * record keeps its title, date or URL; `*` stands for every field but the
   * id, the text and the HTML. None by default.
   */
  keep?: readonly string[] | undefined
}

export const defaultFields: FieldMap = {id: 'id', text: 'text'}

/** The entry of `FieldMap.keep` that stands for every other field. */
export const everyField = '*'

/**
 * The fields of `object` that `fields.keep` names, in the input's order (none:
 * an empty object, so every record of a run with the option has `fields`);
 * `undefined` without the option. The copy has no prototype,
 * so a field called `__proto__` stays a field (JSON.parse makes it an own
 * property; assigning it to a plain object would set the prototype instead).
 */
export function keptFields(
  object: Readonly<Record<string, unknown>>,
  fields: FieldMap,
): Record<string, unknown> | undefined {
  const {keep} = fields
  if (keep === undefined || keep.length === 0) return undefined
  const every = keep.includes(everyField)
  const kept = Object.create(null) as Record<string, unknown>
  for (const name of Object.keys(object)) {
    const wanted = every
      ? name !== fields.id && name !== fields.text && name !== fields.html
      : keep.includes(name)
    if (wanted) kept[name] = object[name]
  }
  return kept
}

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
  const extra = keptFields(object, fields)
  const kept = extra === undefined ? {} : {extra}
  const rawId = object[fields.id]
  // An id of another kind (`{"$oid": "…"}` in a database export) is kept as
  // its JSON text, so the record can still be traced; `null` is no id.
  const id =
    typeof rawId === 'string' || typeof rawId === 'number'
      ? rawId
      : rawId === null || rawId === undefined
        ? undefined
        : JSON.stringify(rawId)
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
      ...kept,
    }
  }
  if (typeof text !== 'string') {
    return {
      line,
      ...(id === undefined ? {} : {id}),
      error:
        text !== undefined
          ? `Field \`${fields.text}\` is not a string`
          : html !== undefined
            ? `Field \`${fields.html}\` is not a string`
            : `Missing field \`${fields.text}\`${fields.html === undefined ? '' : ` or \`${fields.html}\``}`,
      ...kept,
    }
  }
  return {line, ...(id === undefined ? {} : {id}), text, ...kept}
}

/** Longest line kept; a longer one becomes an error record (memory stays bounded). */
export const maxLineCharacters = 64 * 1024 * 1024

/** A line too long to keep: only its length is known. */
export interface OverlongLine {
  overlong: number
}

/**
 * The lines of a stream (`\n` or `\r\n`), pulled chunk by chunk. Unlike
 * `readline`'s async iterator, which on Node 20 goes on reading and queueing
 * lines while the consumer is busy (a 1 GB input then sits in memory), this
 * reads the next chunk only when the lines of the last one are taken.
 */
export async function* readLines(
  input: AsyncIterable<unknown>,
  check?: Utf8Check,
): AsyncGenerator<string | OverlongLine> {
  const decoder = new TextDecoder('utf-8')
  let carry = ''
  let skipping = 0 // characters of an overlong line seen so far (0: not in one)
  for await (const chunk of input) {
    if (check && typeof chunk !== 'string') check.read(chunk as Uint8Array)
    const text =
      typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, {stream: true})
    let start = 0
    let end = text.indexOf('\n')
    while (end !== -1) {
      if (skipping > 0) {
        yield {overlong: skipping + end}
        skipping = 0
      } else {
        const line =
          start === 0 && carry !== '' ? carry + text.slice(0, end) : text.slice(start, end)
        carry = ''
        yield line.endsWith('\r') ? line.slice(0, -1) : line
      }
      start = end + 1
      end = text.indexOf('\n', start)
    }
    if (skipping > 0) skipping += text.length - start
    else {
      carry += text.slice(start)
      if (carry.length > maxLineCharacters) {
        skipping = carry.length
        carry = ''
      }
    }
  }
  const rest = carry + decoder.decode()
  check?.end()
  if (skipping > 0) yield {overlong: skipping + rest.length}
  else if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest
}

/** A JSONL line that is not blank, not parsed yet (workers parse it: see `itemOfLine`). */
export interface RawLine {
  /** 1-based line number in the input. */
  line: number
  raw: string
  /** Set when bytes of the line that were not UTF-8 became U+FFFD. */
  warnings?: string[] | undefined
}

/**
 * Stream the lines of `input` that hold something, unparsed, in order: blank
 * lines are left out (they are no records) and an overlong line is an error.
 * The batch engine sends these to its workers, so the main thread never pays
 * for `JSON.parse`.
 */
export async function* readRawJsonl(
  input: AsyncIterable<unknown>,
): AsyncGenerator<RawLine | InputError> {
  let line = 0
  const check = new Utf8Check()
  for await (const raw of readLines(input, check)) {
    line++
    if (typeof raw !== 'string') {
      yield {
        line,
        error: `Line too long: ${raw.overlong} characters (at most ${maxLineCharacters})`,
      }
    } else if (raw.trim() !== '') {
      yield check.lines.has(line) ? {line, raw, warnings: [replacedWarning]} : {line, raw}
    }
  }
}

/** Stream the lines of `input` as records or errors, in order. */
export async function* readJsonl(
  input: AsyncIterable<unknown>,
  fields: FieldMap = defaultFields,
): AsyncGenerator<InputRecord | InputError> {
  for await (const entry of readRawJsonl(input)) {
    const parsed = 'raw' in entry ? parseLine(entry.raw, entry.line, fields) : entry
    if (parsed && 'raw' in entry && entry.warnings && !isInputError(parsed)) {
      yield {...parsed, warnings: entry.warnings}
    } else if (parsed) yield parsed
  }
}

export function isInputError(value: InputRecord | InputError): value is InputError {
  return 'error' in value
}
