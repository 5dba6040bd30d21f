/**
 * Inputs: files, folders and globs expanded to input files, and every input
 * format read as a stream of items (one article each) in input order. Nothing
 * here loads a whole multi-record input into memory.
 */
import {createReadStream, type ReadStream} from 'node:fs'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import {basename, join, relative, resolve} from 'node:path'
import {Readable} from 'node:stream'
import type {InputItem} from '../item.js'
import {decode} from './decode.js'
import {gunzipChunks} from './gunzip.js'
import {decodeHtml} from './html-charset.js'
import {HtmlInputError} from './html-errors.js'
import {
  type FieldMap,
  type InputError,
  type InputRecord,
  isInputError,
  parseLine,
  readJsonl,
  readRawJsonl,
} from './jsonl.js'

/** How a file is read. */
export type InputKind = 'text' | 'html' | 'jsonl' | 'csv' | 'warc'

/** Extensions read as one article per file. */
export const textExtensions = new Set(['.txt', '.text', '.md', '.markdown'])
/** Extensions read as one web page per file. */
export const htmlExtensions = new Set(['.html', '.htm', '.xhtml'])
/** Extensions read as one record per line (also gzipped: `.jsonl.gz`). */
export const jsonlExtensions = new Set(['.jsonl', '.ndjson'])
/** Extensions read as one record per row (also `.csv.gz`). */
export const csvExtensions = new Set(['.csv'])
/** Extensions read as web archives (also `.warc.gz`). */
export const warcExtensions = new Set(['.warc'])

/** Thrown for input that makes the whole run unusable (exit code 2). */
export class UsageError extends Error {}

export interface InputFile {
  /** Absolute path. */
  path: string
  /** Path relative to the argument it was found under (the file name for a file argument). */
  relativePath: string
}

function extensionOf(name: string): {extension: string; gzip: boolean} {
  const lower = name.toLowerCase()
  const gzip = lower.endsWith('.gz')
  const stem = gzip ? lower.slice(0, -3) : lower
  const dot = stem.lastIndexOf('.')
  return {extension: dot > stem.lastIndexOf('/') ? stem.slice(dot) : '', gzip}
}

/** The kind of an input file by its name, or `undefined` when it is not an input. */
export function kindOf(name: string): InputKind | undefined {
  const {extension, gzip} = extensionOf(name)
  if (jsonlExtensions.has(extension)) return 'jsonl'
  if (csvExtensions.has(extension)) return 'csv'
  if (warcExtensions.has(extension)) return 'warc'
  if (gzip) return undefined
  if (textExtensions.has(extension)) return 'text'
  if (htmlExtensions.has(extension)) return 'html'
  return undefined
}

/** Characters that make an argument a glob pattern rather than a path. */
export const globCharacters = /[*?[\]{}]/

/**
 * Expand paths (files, folders and glob patterns) to the input files under
 * them, each folder sorted, without following a folder link twice. A missing
 * path, or a pattern that matches nothing, is a UsageError.
 */
export async function expandPaths(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const absolute = resolve(path)
    const info = await stat(absolute).catch(() => undefined)
    if (!info && globCharacters.test(path)) {
      // Loaded only for patterns: a plain run starts faster without it.
      const {glob} = await import('tinyglobby')
      const matches = (await glob(path, {onlyFiles: true, dot: false})).sort()
      const inputs = matches.filter((match) => kindOf(match) !== undefined)
      if (inputs.length === 0) throw new UsageError(`No input files match ${path}`)
      for (const match of inputs) files.push({path: resolve(match), relativePath: match})
      continue
    }
    if (!info) throw new UsageError(`No such file or folder: ${path}`)
    if (info.isDirectory()) {
      await walk(absolute, absolute, files, seen)
    } else if (!info.isFile()) {
      // A pipe with no writer never ends, nor does a device such as /dev/zero.
      throw new UsageError(
        `Not a file or folder: ${path} (a pipe or a device); give a stream on standard input instead`,
      )
    } else {
      files.push({path: absolute, relativePath: basename(absolute)})
    }
  }
  return once(files)
}

/**
 * Each file once, where it was first named: a file named twice, or named and
 * inside a folder named too, gave its records twice.
 */
async function once(files: readonly InputFile[]): Promise<InputFile[]> {
  const kept: InputFile[] = []
  const real = new Set<string>()
  for (const file of files) {
    const path = await realpath(file.path).catch(() => file.path)
    if (real.has(path)) continue
    real.add(path)
    kept.push(file)
  }
  return kept
}

async function walk(
  root: string,
  folder: string,
  files: InputFile[],
  seen: Set<string>,
): Promise<void> {
  const real = await realpath(folder)
  if (seen.has(real)) return // a link loop, or a folder reached twice
  seen.add(real)
  const entries = await readdir(folder, {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path)
        isDirectory = target.isDirectory()
        isFile = target.isFile()
      } catch {
        // A dangling link to an input is a file that cannot be read: an error
        // record says so, where it used to vanish from the run.
        if (kindOf(entry.name) !== undefined) files.push({path, relativePath: relative(root, path)})
        continue
      }
    }
    if (isDirectory) await walk(root, path, files, seen)
    else if (isFile && kindOf(entry.name) !== undefined) {
      files.push({path, relativePath: relative(root, path)})
    }
  }
}

export interface ReadOptions {
  readonly fields: FieldMap
  /** Called with each file stream as it opens, to follow the bytes read (progress). */
  readonly onStream?: ((stream: ReadStream) => void) | undefined
  /**
   * Yield JSONL lines unparsed, as items with `json` set (see {@link itemOfLine}):
   * the batch engine lets its workers parse them. Blank lines are still left out.
   */
  readonly rawJsonl?: boolean | undefined
}

function fromRecord(input: InputRecord | InputError, file: string | undefined): InputItem {
  const where = {
    ...(file === undefined ? {} : {file}),
    line: input.line,
    ...(input.id === undefined ? {} : {id: input.id}),
    ...(input.extra === undefined ? {} : {extra: input.extra}),
  }
  if (isInputError(input)) return {...where, error: input.error}
  const warned = input.warnings === undefined ? where : {...where, warnings: [...input.warnings]}
  if (input.html !== undefined) {
    return {...warned, html: input.html, ...(input.url === undefined ? {} : {url: input.url})}
  }
  return {...warned, text: input.text}
}

/**
 * The item a raw JSONL line (an item with `json` set) stands for, parsed with
 * `fields`: exactly what the parsing reader yields for that line. Other items
 * are returned as they are.
 */
export function itemOfLine(item: InputItem, fields: FieldMap): InputItem {
  if (item.json === undefined) return item
  const line = item.line ?? 0
  // The reader keeps no blank line, so `parseLine` always gives a record or an error here.
  const parsed = parseLine(item.json, line, fields) ?? {line, error: 'Blank line'}
  const parsedItem = fromRecord(
    item.warnings && !isInputError(parsed) ? {...parsed, warnings: item.warnings} : parsed,
    item.file,
  )
  return item.wantText === undefined ? parsedItem : {...parsedItem, wantText: item.wantText}
}

/** Read a stream of one kind as items. `file` names the input in records. */
export async function* readStream(
  kind: InputKind,
  stream: Readable | AsyncIterable<unknown>,
  fields: FieldMap,
  file?: string,
): AsyncGenerator<InputItem> {
  switch (kind) {
    case 'jsonl':
      for await (const input of readJsonl(stream, fields)) yield fromRecord(input, file)
      return
    case 'csv': {
      // The CSV and WARC parsers load only when such input arrives: a plain run starts faster.
      const {readCsv} = await import('./csv.js')
      for await (const input of readCsv(stream, fields)) yield fromRecord(input, file)
      return
    }
    case 'warc': {
      const {readWarc} = await import('./warc.js')
      for await (const page of readWarc(
        stream instanceof Readable ? stream : Readable.from(stream),
      )) {
        const where = {
          ...(file === undefined ? {} : {file}),
          id: page.url ?? `record ${page.record}`,
        }
        if ('error' in page) yield {...where, error: page.error}
        else yield {...where, html: page.html, url: page.url, warnings: page.warnings}
      }
      return
    }
    default: {
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      yield wholeFileItem(kind, Buffer.concat(chunks), file)
    }
  }
}

function wholeFileItem(kind: InputKind, bytes: Uint8Array, file: string | undefined): InputItem {
  const where = file === undefined ? {} : {file, id: file}
  if (kind === 'html') {
    // The HTML reader's decoder: a charset declared in the page, checked against the bytes.
    // Binary bytes throw there; like a binary text file, they are one error item, not a crash.
    try {
      const page = decodeHtml(bytes)
      return {...where, html: page.html, warnings: page.warnings}
    } catch (error) {
      if (error instanceof HtmlInputError) return {...where, error: `Skipped: ${error.message}`}
      throw error
    }
  }
  const decoded = decode(bytes)
  if (decoded.binary) return {...where, error: 'Skipped: binary file, not text'}
  return {...where, text: decoded.text, warnings: decoded.warnings}
}

/** Read one input file as items, streaming every multi-record format. */
export async function* readInputFile(
  file: InputFile,
  options: ReadOptions,
): AsyncGenerator<InputItem> {
  const kind = kindOf(file.path) ?? 'text'
  const where = {file: file.relativePath, id: file.relativePath}
  if (kind === 'text' || kind === 'html') {
    let bytes: Uint8Array
    try {
      bytes = await readFile(file.path)
    } catch (error) {
      yield {...where, error: `Cannot read file: ${(error as Error).message}`}
      return
    }
    yield wholeFileItem(kind, bytes, file.relativePath)
    return
  }
  const raw = createReadStream(file.path, {highWaterMark: 256 * 1024})
  options.onStream?.(raw)
  const opened = new Promise<void>((resolveOpen, rejectOpen) => {
    raw.once('open', () => resolveOpen())
    raw.once('error', rejectOpen)
  })
  try {
    await opened
  } catch (error) {
    yield {...where, error: `Cannot read file: ${(error as Error).message}`}
    return
  }
  // warcio detects gzip from the bytes; the other formats are unzipped here,
  // every record decompressed before a fault kept (see `gunzipChunks`).
  const stream = extensionOf(file.path).gzip && kind !== 'warc' ? gunzipChunks(raw) : raw
  try {
    if (kind === 'jsonl' && options.rawJsonl) {
      for await (const entry of readRawJsonl(stream)) {
        yield 'raw' in entry
          ? {
              file: file.relativePath,
              line: entry.line,
              json: entry.raw,
              ...(entry.warnings ? {warnings: entry.warnings} : {}),
            }
          : fromRecord(entry, file.relativePath)
      }
    } else yield* readStream(kind, stream, options.fields, file.relativePath)
  } catch (error) {
    yield {file: file.relativePath, error: `Cannot read file: ${(error as Error).message}`}
  } finally {
    raw.destroy()
  }
}
