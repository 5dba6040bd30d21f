/**
 * Clean files and folders: `.txt` articles and `.jsonl` record files. Inputs
 * are only read; outputs are written atomically; a bad file or line becomes an
 * error record and the batch goes on.
 */
import {once} from 'node:events'
import {createReadStream} from 'node:fs'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import {basename, extname, join, relative, resolve} from 'node:path'
import type {CleanOptions} from './index.js'
import {openAtomic, writeFileAtomic} from './io/atomic.js'
import {decode} from './io/decode.js'
import {defaultFields, type FieldMap, isInputError, readJsonl} from './io/jsonl.js'
import {isErrorRecord, type Outcome, runRecord} from './run.js'
import {type Summary, SummaryBuilder} from './summary.js'

/** Extensions read as one article per file. */
export const textExtensions = new Set(['.txt'])
/** Extensions read as one record per line. */
export const jsonlExtensions = new Set(['.jsonl', '.ndjson'])

/** The run's own outputs in `--out`: every record, and the summary. */
export const recordsFile = 'copydesk-records.jsonl'
export const summaryFile = 'copydesk-summary.json'
const runFiles = [recordsFile, summaryFile]

export interface InputFile {
  /** Absolute path. */
  path: string
  /** Path relative to the argument it was found under (the file name for a file argument). */
  relativePath: string
}

/** Thrown for input that makes the whole run unusable (exit code 2). */
export class UsageError extends Error {}

/**
 * Expand paths (files and folders) to the input files under them, sorted,
 * without following a folder link twice. A missing path is a UsageError.
 */
export async function expandPaths(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const absolute = resolve(path)
    let info: Awaited<ReturnType<typeof stat>>
    try {
      info = await stat(absolute)
    } catch {
      throw new UsageError(`No such file or folder: ${path}`)
    }
    if (info.isDirectory()) {
      await walk(absolute, absolute, files, seen)
    } else {
      files.push({path: absolute, relativePath: basename(absolute)})
    }
  }
  return files
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
        continue // a dangling link
      }
    }
    if (isDirectory) await walk(root, path, files, seen)
    else if (isFile) {
      const extension = extname(entry.name).toLowerCase()
      if (textExtensions.has(extension) || jsonlExtensions.has(extension)) {
        files.push({path, relativePath: relative(root, path)})
      }
    }
  }
}

export interface BatchOptions extends CleanOptions {
  /** Output folder; without it, records go only to `onRecord`. */
  readonly out?: string | undefined
  readonly fields?: FieldMap | undefined
  /** Called for every record (cleaned or error), in input order. */
  readonly onRecord?: ((record: Outcome, file: InputFile) => void | Promise<void>) | undefined
}

export interface BatchResult {
  summary: Summary
  /** Output files written (absolute paths). */
  written: string[]
}

/** Clean every file; see the module comment. */
export async function runBatch(
  files: readonly InputFile[],
  options: BatchOptions,
): Promise<BatchResult> {
  const summary = new SummaryBuilder()
  const written: string[] = []
  const out = options.out === undefined ? undefined : resolve(options.out)
  const clash = files.find((file) => runFiles.includes(file.relativePath))
  if (out && clash) {
    throw new UsageError(
      `Input ${clash.path} would be overwritten by the run's own ${clash.relativePath}`,
    )
  }
  const records = out ? await openAtomic(join(out, recordsFile)) : undefined
  const emit = async (record: Outcome, file: InputFile): Promise<void> => {
    summary.add(record)
    if (records && !records.stream.write(`${JSON.stringify(record)}\n`)) {
      await once(records.stream, 'drain')
    }
    await options.onRecord?.(record, file)
  }
  try {
    for (const file of files) {
      const extension = extname(file.path).toLowerCase()
      if (jsonlExtensions.has(extension)) {
        const target = out ? join(out, file.relativePath) : undefined
        await cleanJsonlFile(file, target, options, emit)
        if (target) written.push(target)
      } else {
        const target = out ? join(out, file.relativePath) : undefined
        const record = await cleanTextFile(file, options)
        if (target && !isErrorRecord(record)) {
          await writeFileAtomic(target, record.text.length > 0 ? `${record.text}\n` : '')
          written.push(target)
        }
        await emit(record, file)
      }
    }
    const built = summary.build()
    if (records && out) {
      await records.commit()
      written.push(join(out, recordsFile))
      await writeFileAtomic(join(out, summaryFile), `${JSON.stringify(built, null, 2)}\n`)
      written.push(join(out, summaryFile))
    }
    return {summary: built, written}
  } catch (error) {
    await records?.abort()
    throw error
  }
}

async function cleanTextFile(file: InputFile, options: BatchOptions): Promise<Outcome> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file.path)
  } catch (error) {
    return {
      file: file.relativePath,
      id: file.relativePath,
      error: `Cannot read file: ${(error as Error).message}`,
    }
  }
  const decoded = decode(bytes)
  if (decoded.binary) {
    return {file: file.relativePath, id: file.relativePath, error: 'Skipped: binary file, not text'}
  }
  return runRecord(decoded.text, {
    ...options,
    id: file.relativePath,
    path: file.relativePath,
    file: file.relativePath,
    warnings: decoded.warnings,
  })
}

async function cleanJsonlFile(
  file: InputFile,
  target: string | undefined,
  options: BatchOptions,
  emit: (record: Outcome, file: InputFile) => Promise<void>,
): Promise<void> {
  const output = target ? await openAtomic(target) : undefined
  try {
    for await (const input of readJsonl(
      createReadStream(file.path),
      options.fields ?? defaultFields,
    )) {
      const record: Outcome = isInputError(input)
        ? {...input, file: file.relativePath}
        : runRecord(input.text, {
            ...options,
            id: input.id,
            line: input.line,
            file: file.relativePath,
          })
      if (output && !output.stream.write(`${JSON.stringify(record)}\n`)) {
        await once(output.stream, 'drain')
      }
      await emit(record, file)
    }
    await output?.commit()
  } catch (error) {
    await output?.abort()
    throw error
  }
}
