/**
 * The main job (`npm start`): clean and score every article in input/ into
 * output/, then print a summary table.
 */
import {fileURLToPath} from 'node:url'
import {expandPaths, runBatch} from './batch.js'
import {readRecords, writeReport} from './report/write.js'
import {isErrorRecord, type Outcome} from './run.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const input = `${root}input`
const output = `${root}output`

interface Row {
  article: string
  words: string
  grade: string
  ease: string
  removed: string
  note: string
}

const rows: Row[] = []
const format = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value.toFixed(1)

function addRow(record: Outcome, file: string): void {
  if (isErrorRecord(record)) {
    const where = record.line === undefined ? file : `${file}:${record.line}`
    rows.push({
      article: where,
      words: '',
      grade: '',
      ease: '',
      removed: '',
      note: `error: ${record.error}`,
    })
    return
  }
  const id = record.id === undefined ? file : String(record.id)
  const rules = new Map<string, number>()
  for (const removal of record.removed)
    rules.set(removal.ruleId, (rules.get(removal.ruleId) ?? 0) + 1)
  const readability = record.readability
  rows.push({
    article: id,
    words: String(readability?.words ?? 0),
    grade: format(readability?.grade),
    ease: format(readability?.fleschReadingEase),
    removed: String(record.removed.length),
    note: [
      ...[...rules].map(([rule, count]) => `${rule}×${count}`),
      ...(readability && !readability.reliable ? ['(short: scores unreliable)'] : []),
    ].join(' '),
  })
}

function printTable(table: Row[]): void {
  const header: Row = {
    article: 'article',
    words: 'words',
    grade: 'grade',
    ease: 'ease',
    removed: 'removed',
    note: 'removals / notes',
  }
  const keys = Object.keys(header) as Array<keyof Row>
  const widths = keys.map((key) => Math.max(...[header, ...table].map((row) => row[key].length)))
  const line = (row: Row): string =>
    keys
      .map((key, i) =>
        key === 'words' || key === 'grade' || key === 'ease' || key === 'removed'
          ? row[key].padStart(widths[i] ?? 0)
          : row[key].padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd()
  console.log(line(header))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of table) console.log(line(row))
}

const files = await expandPaths([input])
const result = await runBatch(files, {
  out: output,
  onRecord: (record, file) => addRow(record, file.relativePath),
})
printTable(rows)
const summary = result.summary
console.log(
  `\n${summary.records} article(s), ${summary.cleaned} cleaned, ${summary.errors} error(s); ` +
    `${summary.removed} span(s) removed (${summary.removedCharacters} characters); ` +
    `median grade ${format(summary.grade?.median)}; ${summary.durationMs} ms`,
)
// The QA report of the same run, for people to look at (see README, QA report).
await writeReport(`${output}/report.html`, await readRecords(output), {name: 'input/'})
console.log(`Wrote ${result.written.length} file(s) and report.html to ${output}/`)
process.exitCode = summary.errors > 0 ? 1 : 0
