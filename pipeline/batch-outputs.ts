/**
 * Where a batch's outputs go in `--out`, and the fingerprint that ties a
 * resumable run to its inputs and configuration.
 */
import {createHash} from 'node:crypto'
import {stat} from 'node:fs/promises'
import {extname, join} from 'node:path'
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
  options: {readonly fields?: FieldMap | undefined},
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
  return {
    fingerprint: hash.digest('hex'),
    bytes: sizes.reduce((sum, size) => sum + size, 0),
    sizes,
  }
}
