/**
 * `copydesk clean`: text on stdin to stdout, JSONL on stdin to stdout, or
 * files and folders to records on stdout or cleaned files in `--out`.
 */
import {parseArgs} from 'node:util'
import {type BatchOptions, expandPaths, runBatch, UsageError} from '../batch.js'
import {decode} from '../io/decode.js'
import {isInputError, readJsonl} from '../io/jsonl.js'
import type {CleanRecord} from '../record.js'
import {isErrorRecord, type Outcome, runRecord} from '../run.js'
import {type Summary, SummaryBuilder} from '../summary.js'
import {readStdin, write} from './output.js'

export const usage = `  clean [PATH...]     clean and score text. With no PATH: text on stdin, cleaned text on stdout.
                      With PATHs (files and folders of .txt and .jsonl): records as JSONL on stdout,
                      or cleaned files in --out DIR.

Options for clean:
  --out DIR           write cleaned files, copydesk-records.jsonl and copydesk-summary.json into DIR
  --jsonl             stdin is JSONL ({"id": ..., "text": ...} a line); records on stdout
  --id-field NAME     JSONL field holding the id (default: id)
  --text-field NAME   JSONL field holding the text (default: text)
  --dry-run           change nothing: list what would be removed or changed
  --no-score          skip the analysers
  --quiet             no summary on stderr
`

function describeSummary(summary: Summary): string {
  const rules = Object.entries(summary.removedByRule)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ')
  return (
    `copydesk: ${summary.records} record(s), ${summary.cleaned} cleaned, ${summary.errors} error(s), ` +
    `${summary.removed} removal(s)${rules ? ` (${rules})` : ''}, ${summary.durationMs} ms`
  )
}

/** What a dry run shows: one line per removal or change, positions in the input. */
function describeDryRun(record: CleanRecord): string {
  const lines = record.messages
    .filter((message) => message.expected !== null)
    .map((message) => {
      const where = `${message.line ?? 0}:${message.column ?? 0}-${message.endLine ?? 0}:${message.endColumn ?? 0}`
      return `${where}\t${message.source}:${message.ruleId}\t${JSON.stringify(message.actual)}`
    })
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

/** Run `copydesk clean` with its arguments; resolves to the exit code. */
export async function cleanCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: {type: 'string'},
      jsonl: {type: 'boolean', default: false},
      'id-field': {type: 'string', default: 'id'},
      'text-field': {type: 'string', default: 'text'},
      'dry-run': {type: 'boolean', default: false},
      'no-score': {type: 'boolean', default: false},
      quiet: {type: 'boolean', default: false},
    },
  })
  const options: BatchOptions = {
    dryRun: values['dry-run'],
    score: !values['no-score'],
    fields: {id: values['id-field'], text: values['text-field']},
    out: values.out,
  }
  const say = (line: string): void => {
    if (!values.quiet) process.stderr.write(`${line}\n`)
  }

  if (positionals.length > 0) {
    const files = await expandPaths(positionals)
    const result = await runBatch(files, {
      ...options,
      onRecord:
        values.out === undefined ? (record) => write(`${JSON.stringify(record)}\n`) : undefined,
    })
    say(describeSummary(result.summary))
    return result.summary.errors > 0 ? 1 : 0
  }

  if (values.out !== undefined) throw new UsageError('--out needs at least one input PATH')

  if (values.jsonl) {
    const summary = new SummaryBuilder()
    for await (const input of readJsonl(process.stdin, options.fields)) {
      const record: Outcome = isInputError(input)
        ? input
        : runRecord(input.text, {...options, id: input.id, line: input.line})
      summary.add(record)
      await write(`${JSON.stringify(record)}\n`)
    }
    const built = summary.build()
    say(describeSummary(built))
    return built.errors > 0 ? 1 : 0
  }

  const decoded = decode(await readStdin())
  if (decoded.binary) {
    process.stderr.write('copydesk: stdin: skipped: binary data, not text\n')
    return 1
  }
  for (const warning of decoded.warnings) process.stderr.write(`copydesk: stdin: ${warning}\n`)
  const record = runRecord(decoded.text, {...options, warnings: decoded.warnings})
  if (isErrorRecord(record)) {
    process.stderr.write(`copydesk: stdin: ${record.error}\n`)
    return 1
  }
  if (values['dry-run']) await write(describeDryRun(record))
  else if (record.text.length > 0) await write(`${record.text}\n`)
  return 0
}
