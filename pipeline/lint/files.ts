/**
 * What `copydesk lint` reads: files and folders (`.txt`, `.md`, `.html`,
 * `.jsonl`), minus what the ignore file excludes, each linted whole or, for
 * JSONL, record by record.
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {UsageError} from '../batch.js'
import {decode} from '../io/decode.js'
import type {LintConfig} from './config.js'
import {type LintFinding, lintText} from './engine.js'
import {type Format, formatOf} from './prose.js'

/** Extensions `copydesk lint` reads when it walks a folder. */
export const lintExtensions = new Set([
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.jsonl',
  '.ndjson',
])

/** The result of linting one file. */
export interface FileResult {
  /** Path relative to the working folder, `/`-separated (`<stdin>` for stdin). */
  path: string
  /** Absolute path, for files. */
  absolutePath?: string | undefined
  format: Format | 'jsonl'
  findings: LintFinding[]
  /** Findings turned off inline or by the baseline (reported by SARIF as suppressed). */
  suppressed: LintFinding[]
  /** Input problems (unreadable, binary, bad JSONL lines): exit code 2. */
  errors: string[]
  /** Repairs made while reading (bytes that were not UTF-8): said on stderr. */
  warnings: string[]
  /** Fixes applied by `--fix`, by rule id. */
  fixed?: Record<string, number> | undefined
}

const extensionOf = (path: string): string => {
  const dot = path.lastIndexOf('.')
  return dot === -1 ? '' : path.slice(dot).toLowerCase()
}

/** `/`-separated path relative to the working folder. */
export function displayPath(absolute: string): string {
  const path = relative(process.cwd(), absolute)
  return (path === '' ? absolute : path).split(sep).join('/')
}

/** Read an ignore file (gitignore syntax); a missing default file is fine. */
export async function loadIgnore(path: string | undefined): Promise<Ignore> {
  const filter = ignore()
  const file = resolve(path ?? '.copydeskignore')
  try {
    filter.add(await readFile(file, 'utf8'))
  } catch (error) {
    if (path !== undefined) throw new UsageError(`cannot read ignore file ${path}`)
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  return filter
}

function ignored(filter: Ignore, absolute: string): boolean {
  const path = relative(process.cwd(), absolute).split(sep).join('/')
  // Paths outside the working folder cannot be matched by its ignore file.
  if (path === '' || path.startsWith('../') || path.startsWith('/')) return false
  return filter.ignores(path)
}

/** Expand files and folders to the files to lint, sorted, skipping ignored ones. */
export async function expandLintPaths(paths: readonly string[], filter: Ignore): Promise<string[]> {
  const files: string[] = []
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, {withFileTypes: true})
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const path = join(folder, entry.name)
      if (ignored(filter, path)) continue
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile() && lintExtensions.has(extensionOf(entry.name))) files.push(path)
    }
  }
  for (const path of paths) {
    const absolute = resolve(path)
    const info = await stat(absolute).catch(() => undefined)
    if (!info) throw new UsageError(`No such file or folder: ${path}`)
    if (info.isDirectory()) await walk(absolute)
    else if (!info.isFile()) {
      // A pipe with no writer never ends, nor does a device such as /dev/zero.
      throw new UsageError(`Not a file or folder: ${path} (a pipe or a device); give it on stdin`)
    } else if (!ignored(filter, absolute)) files.push(absolute)
  }
  return files
}

/** The format a file name means. */
export function fileFormat(name: string): Format | 'jsonl' {
  const extension = extensionOf(name)
  return extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : formatOf(name)
}

/** Lint the bytes of a file or of stdin; `name` picks the format. */
export function lintContent(
  content: Uint8Array,
  name: string,
  path: string,
  config: LintConfig,
): FileResult {
  const decoded = decode(content)
  if (decoded.binary) {
    return {
      path,
      format: fileFormat(name),
      findings: [],
      suppressed: [],
      errors: [`${path}: skipped: binary data, not text`],
      warnings: [],
    }
  }
  const result = lintDecoded(decoded.text, name, path, config)
  result.warnings.push(...decoded.warnings.map((warning) => `${path}: ${warning}`))
  return result
}

/** Lint decoded text; `name` picks the format. */
export function lintDecoded(
  text: string,
  name: string,
  path: string,
  config: LintConfig,
): FileResult {
  const format = fileFormat(name)
  const result: FileResult = {path, format, findings: [], suppressed: [], errors: [], warnings: []}
  if (format !== 'jsonl') {
    const linted = lintText(text, {format, config, path})
    if (linted.error) result.errors.push(`${path}: ${linted.error}`)
    result.findings = linted.findings
    result.suppressed = linted.suppressed
    return result
  }
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      result.errors.push(`${path}:${index + 1}: not JSON`)
      return
    }
    const text = (value as {text?: unknown} | null)?.text
    if (typeof text !== 'string') {
      result.errors.push(`${path}:${index + 1}: no "text" string`)
      return
    }
    const id = (value as {id?: unknown}).id
    const record =
      typeof id === 'string' || typeof id === 'number' ? String(id) : `line ${index + 1}`
    const linted = lintText(text, {format: 'text', config, path, record})
    if (linted.error) result.errors.push(`${path}:${index + 1}: ${linted.error}`)
    // A record's findings point into its line: at the text itself when it is
    // written with standard JSON escapes, else at the line; the place in the
    // text goes in the reason either way.
    const columnOf = textColumns(line, text)
    const place = (finding: LintFinding): LintFinding => ({
      ...finding,
      reason: `${finding.reason} (record ${record}, ${finding.line}:${finding.column} of its text)`,
      line: index + 1,
      column: columnOf ? columnOf(finding.start) : 1,
      endLine: index + 1,
      endColumn: columnOf ? columnOf(finding.end) : line.length + 1,
    })
    result.findings.push(...linted.findings.map(place))
    result.suppressed.push(...linted.suppressed.map(place))
  })
  return result
}

/**
 * Map offsets in a record's text to 1-based columns of its JSONL line, when
 * the line holds the text as `JSON.stringify` writes it.
 */
function textColumns(line: string, text: string): ((offset: number) => number) | undefined {
  const encoded = JSON.stringify(text)
  const at = line.indexOf(encoded)
  if (at === -1) return undefined
  // columns[i]: column of text[i] inside the string literal (after its quote).
  const columns = new Array<number>(text.length + 1)
  let column = at + 2
  for (let i = 0; i < text.length; i++) {
    columns[i] = column
    column += JSON.stringify(text[i]).length - 2
  }
  columns[text.length] = column
  return (offset) => columns[Math.min(Math.max(offset, 0), text.length)] ?? 1
}
