/**
 * Where a batch's outputs go in `--out`, and the fingerprint that ties a
 * resumable run to its inputs and configuration.
 */
import {createHash} from 'node:crypto'
import {realpathSync} from 'node:fs'
import {stat} from 'node:fs/promises'
import {basename, dirname, extname, join, resolve} from 'node:path'
import {defaultFields, type FieldMap} from './io/jsonl.js'
import {type InputFile, kindOf} from './io/readers.js'
import type {ItemOptions} from './item.js'
import {stampFor} from './run.js'

/** The file an input's cleaned output goes to, relative to `--out` (none for CSV and WARC). */
export function mirrorOf(file: InputFile): string | undefined {
  const kind = kindOf(file.path)
  if (kind === 'text') return file.relativePath
  // A gzipped JSONL input gives plain JSONL records.
  if (kind === 'jsonl') return file.relativePath.replace(/\.gz$/i, '')
  if (kind === 'html') {
    return `${file.relativePath.slice(0, file.relativePath.length - extname(file.path).length)}.txt`
  }
  return undefined
}

/** The files and folder `--text-files` writes the texts of `file`'s records to (multi-record inputs only). */
function textFolderOf(file: InputFile): string | undefined {
  const kind = kindOf(file.path)
  return kind === 'jsonl' || kind === 'csv' || kind === 'warc'
    ? join('texts', file.relativePath)
    : undefined
}

/** `path` with its symbolic links resolved as far as it exists. */
function realOf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    const parent = dirname(path)
    return parent === path ? path : join(realOf(parent), basename(path))
  }
}

/**
 * Why the outputs of a run into `out` cannot be written, if they cannot: one
 * would overwrite an input (inputs are never modified), or two inputs would
 * write the same file (`a/story.txt` and `b/story.txt` named on the command
 * line both mirror to `story.txt`). `runFiles` are the run's own files.
 */
export function outputClash(
  files: readonly InputFile[],
  out: string,
  runFiles: readonly string[],
  textFiles: boolean,
): string | undefined {
  const inputs = new Map(files.map((file) => [realOf(resolve(file.path)), file]))
  const owners = new Map<string, InputFile | undefined>()
  for (const name of runFiles) {
    const path = realOf(resolve(out, name))
    const input = inputs.get(path)
    if (input)
      return `The run's own ${path} would overwrite the input ${input.path}: choose another --out`
    owners.set(path, undefined)
  }
  for (const file of files) {
    for (const target of [mirrorOf(file), textFiles ? textFolderOf(file) : undefined]) {
      if (target === undefined) continue
      const path = realOf(resolve(out, target))
      const input = inputs.get(path)
      if (input)
        return `The output ${path} would overwrite the input ${input.path}: choose another --out`
      if (owners.has(path)) {
        const other = owners.get(path)
        return other
          ? `Inputs ${other.path} and ${file.path} would both write ${path}: clean them into different --out folders, or name one folder that holds both`
          : `Input ${file.path} would write the run's own ${path}: rename it or choose another --out`
      }
      owners.set(path, file)
    }
  }
  return undefined
}

/**
 * With `--text-files`, where the cleaned text of a record of a multi-record
 * input goes: `texts/<input>/<position>-<id>.txt`, the id made safe as a file
 * name, the position keeping names unique and in input order.
 */
export function textFileOf(
  file: InputFile,
  ordinal: number,
  id: string | number | undefined,
): string {
  const safe = String(id ?? '')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 80)
  const position = String(ordinal).padStart(6, '0')
  return join('texts', file.relativePath, safe ? `${position}-${safe}.txt` : `${position}.txt`)
}

/** Hash of the inputs (paths, sizes, times) and configuration, with the input sizes. */
export async function fingerprintOf(
  files: readonly InputFile[],
  options: {readonly fields?: FieldMap | undefined; readonly textFiles?: boolean | undefined},
  itemOptions: ItemOptions,
): Promise<{fingerprint: string; bytes: number; sizes: number[]}> {
  const hash = createHash('sha256')
  const sizes: number[] = []
  for (const file of files) {
    const info = await stat(file.path).catch(() => undefined)
    sizes.push(info?.size ?? 0)
    hash.update(JSON.stringify([file.path, file.relativePath, info?.size, info?.mtimeMs]))
  }
  hash.update(JSON.stringify([stampFor(itemOptions), options.fields ?? defaultFields]))
  // A resume with `--text-files` added or dropped would leave texts for only some
  // records (only when set, so that runs from before the check still resume).
  if (options.textFiles) hash.update('\0text-files')
  return {
    fingerprint: hash.digest('hex'),
    bytes: sizes.reduce((sum, size) => sum + size, 0),
    sizes,
  }
}

/**
 * Why the QA report cannot be written to `report`, if it cannot: it names a
 * folder, or a file the run reads or writes (`kept`: the inputs, the run's
 * own files and its mirrors), which the page would replace.
 */
export async function reportClash(
  report: string,
  kept: readonly string[],
): Promise<string | undefined> {
  const path = resolve(report)
  const info = await stat(path).catch(() => undefined)
  if (info?.isDirectory()) return `--report ${report} is a folder: name the HTML file to write`
  const real = realOf(path)
  for (const other of kept) {
    if (realOf(resolve(other)) === real) {
      return `--report ${report} would replace ${resolve(other)}, which the run reads or writes: choose another file for the report`
    }
  }
  return undefined
}

/** The files a run reads and writes, which its report must not replace. */
export function runPaths(
  files: readonly InputFile[],
  out: string | undefined,
  runFiles: readonly string[],
): string[] {
  const paths = files.map((file) => file.path)
  if (out === undefined) return paths
  for (const name of runFiles) paths.push(join(out, name))
  for (const file of files) {
    const mirror = mirrorOf(file)
    if (mirror !== undefined) paths.push(join(out, mirror))
  }
  return paths
}
