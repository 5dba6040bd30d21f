#!/usr/bin/env node
/**
 * The `copydesk` command. It only parses flags, then calls a reader, the
 * pipeline and a writer. Exit codes: 0 all clean, 1 some records failed,
 * 2 unusable input or options.
 */
import {once} from 'node:events'
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {type BatchOptions, expandPaths, runBatch, UsageError} from './batch.js'
import {decode} from './io/decode.js'
import {isInputError, readJsonl} from './io/jsonl.js'
import type {CleanRecord} from './record.js'
import {isErrorRecord, type Outcome, runRecord} from './run.js'
import type {Summary} from './summary.js'
import {SummaryBuilder} from './summary.js'

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

const help = `Usage: copydesk <command> [options]

Commands:
  clean [PATH...]     clean and score text. With no PATH: text on stdin, cleaned text on stdout.
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
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 all records clean, 1 some records failed, 2 unusable input or options.
`

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) {
    await once(process.stdout, 'drain')
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

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

async function cleanCommand(args: string[]): Promise<number> {
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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'clean':
        return await cleanCommand(rest)
      case '-v':
      case '--version':
        await write(`${version}\n`)
        return 0
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        await write(help)
        return command === undefined ? 2 : 0
      default:
        process.stderr.write(`copydesk: unknown command \`${command}\`\n\n${help}`)
        return 2
    }
  } catch (error) {
    const code = (error as {code?: string}).code
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`copydesk: ${(error as Error).message}\n`)
      return 2
    }
    throw error
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`copydesk … | head`) is not a failure of ours.
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

process.exitCode = await main(process.argv.slice(2))
