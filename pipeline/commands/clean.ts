/**
 * `copydesk clean`: text on stdin to stdout, JSONL on stdin to stdout, or
 * files and folders to records on stdout or cleaned files in `--out`.
 */
import {parseArgs} from 'node:util'
import type {BatchOptions} from '../batch.js'
import {decode} from '../io/decode.js'
import {defaultFields} from '../io/jsonl.js'
import {type InputKind, readStream, UsageError} from '../io/readers.js'
import type {Unit} from '../pool-worker.js'
import type {CleanRecord} from '../record.js'
import {isErrorRecord, type Outcome, runRecord} from '../run.js'
import type {Summary} from '../summary.js'
import {expectLongRun, shortInputBytes} from './engine.js'
import {parseKeepFields} from './keep-fields.js'
import {readStdin, write} from './output.js'

// Only the text-on-stdin path is imported up front: a one-article
// `copydesk clean` starts cold, and the batch engine, the worker pool, the
// HTML reader and the QA report are loaded by the paths that use them.

export const usage = `  clean [PATH...]     clean and score text. With no PATH: text on stdin, cleaned text on stdout.
                      With PATHs (files, folders and globs of .txt, .md, .html, .jsonl, .csv,
                      .warc, .warc.gz, .jsonl.gz, .csv.gz): records as JSONL on stdout, or
                      cleaned files, records and a summary in --out DIR.

Options for clean:
  --out DIR           write cleaned files, copydesk-records.jsonl and copydesk-summary.json into DIR
  --text-files        with --out: also each record's cleaned text in DIR/texts/<input>/<n>-<id>.txt
  --resume            continue the interrupted run in --out DIR where its last checkpoint left it
  --jobs N            threads that clean: the main thread and N-1 workers (default: one per core)
  --jsonl             stdin is JSONL ({"id": ..., "text": ...} a line); records on stdout
  --format KIND       what stdin holds: text (default), html, jsonl, csv or warc
  --id-field NAME     JSONL/CSV field holding the id (default: id)
  --text-field NAME   JSONL/CSV field holding the text (default: text; CSV also tries content, body)
  --html-field NAME   JSONL/CSV field holding HTML to extract the article from (default: none)
  --url-field NAME    JSONL/CSV field holding the page URL, with --html-field (default: url)
  --keep-fields LIST  JSONL/CSV fields to carry into each record's fields, as they are: names
                      separated by commas, or '*' for every field but the id, text and HTML
  --dry-run           change nothing: list what would be removed or changed
  --no-score          skip the analysers
  --no-progress       no progress bar (it is only drawn when stderr is a terminal)
  --quiet             no summary or progress on stderr
  --report FILE       also write a QA report of the run (one HTML page) to FILE
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

const stdinKinds = new Set<InputKind>(['text', 'html', 'jsonl', 'csv', 'warc'])

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const jobs = Number(value)
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new UsageError(`--jobs must be a whole number of at least 1, not \`${value}\``)
  }
  return jobs
}

/** Records of a multi-record stdin (JSONL, CSV, WARC) to stdout, in order. */
async function cleanStdinRecords(
  kind: InputKind,
  options: BatchOptions,
  jobs: number,
): Promise<Summary> {
  const [{createRunner, mapOrdered}, {SummaryBuilder}] = await Promise.all([
    import('../pool.js'),
    import('../summary.js'),
  ])
  const summary = new SummaryBuilder()
  const itemOptions = {score: options.score, dryRun: options.dryRun}
  const runner = await createRunner(jobs, itemOptions)
  summary.jobs = runner.jobs
  async function* units(): AsyncGenerator<Unit> {
    let index = 0
    for await (const item of readStream(kind, process.stdin, options.fields ?? defaultFields)) {
      yield {kind: 'item', index: index++, fileIndex: -1, item}
    }
  }
  try {
    for await (const finished of mapOrdered(units(), runner)) {
      for (const unit of finished.units) if (unit.kind === 'item') summary.addDigest(unit.digest)
      await write(finished.bytes) // the batch's records, as JSONL
    }
  } finally {
    await runner.close()
  }
  return summary.build()
}

/** Run `copydesk clean` with its arguments; resolves to the exit code. */
export async function cleanCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: {type: 'string'},
      resume: {type: 'boolean', default: false},
      'text-files': {type: 'boolean', default: false},
      jobs: {type: 'string'},
      jsonl: {type: 'boolean', default: false},
      format: {type: 'string'},
      'id-field': {type: 'string', default: 'id'},
      'text-field': {type: 'string', default: 'text'},
      'html-field': {type: 'string'},
      'url-field': {type: 'string', default: 'url'},
      'keep-fields': {type: 'string'},
      'dry-run': {type: 'boolean', default: false},
      'no-score': {type: 'boolean', default: false},
      'no-progress': {type: 'boolean', default: false},
      quiet: {type: 'boolean', default: false},
      report: {type: 'string'},
    },
  })
  const jobs = parseJobs(values.jobs)
  const options: BatchOptions = {
    dryRun: values['dry-run'],
    score: !values['no-score'],
    fields: {
      id: values['id-field'],
      text: values['text-field'],
      html: values['html-field'],
      url: values['url-field'],
      keep: parseKeepFields(values['keep-fields']),
    },
    out: values.out,
    jobs,
    resume: values.resume,
    textFiles: values['text-files'],
    progress: values.quiet || values['no-progress'] ? undefined : process.stderr,
    onNote: (note) => say(note),
  }
  const say = (line: string): void => {
    if (!values.quiet) process.stderr.write(`${line}\n`)
  }

  if (positionals.length > 0) {
    expectLongRun()
    const {expandPaths, runBatch, runFiles} = await import('../batch.js')
    const files = await expandPaths(positionals)
    if (values.report !== undefined) {
      const {reportClash, runPaths} = await import('../batch-outputs.js')
      const clash = await reportClash(values.report, runPaths(files, values.out, runFiles))
      if (clash) throw new UsageError(clash)
    }
    const report =
      values.report === undefined
        ? undefined
        : new (await import('../report/write.js')).ReportCollector(values.report, values.out)
    const result = await runBatch(files, {
      ...options,
      // Only when records are wanted as text: with --out alone the workers' bytes go straight to disk.
      onLine:
        report || values.out === undefined
          ? async (json) => {
              report?.add(json)
              if (values.out === undefined) await write(`${json}\n`)
            }
          : undefined,
    })
    await report?.write(positionals.join(' '))
    say(describeSummary(result.summary))
    return result.summary.errors > 0 ? 1 : 0
  }

  if (values.out !== undefined) throw new UsageError('--out needs at least one input PATH')
  if (values.report !== undefined) throw new UsageError('--report needs input PATHs')
  if (values.resume) throw new UsageError('--resume needs input PATHs and --out DIR')
  if (values.jsonl && values.format !== undefined && values.format !== 'jsonl') {
    throw new UsageError(`--jsonl and --format ${values.format} name two formats: give one`)
  }
  const format = values.format ?? (values.jsonl ? 'jsonl' : 'text')
  if (!stdinKinds.has(format as InputKind)) {
    throw new UsageError(`--format must be one of ${[...stdinKinds].join(', ')}, not \`${format}\``)
  }
  const kind = format as InputKind

  if (kind === 'jsonl' || kind === 'csv' || kind === 'warc') {
    // Stdin's size is unknown: workers only when asked for.
    expectLongRun()
    const summary = await cleanStdinRecords(kind, options, jobs ?? 1)
    say(describeSummary(summary))
    return summary.errors > 0 ? 1 : 0
  }

  const bytes = await readStdin()
  if (bytes.length > shortInputBytes) expectLongRun()
  const decoded = decode(bytes)
  if (decoded.binary) {
    process.stderr.write('copydesk: stdin: skipped: binary data, not text\n')
    return 1
  }
  for (const warning of decoded.warnings) process.stderr.write(`copydesk: stdin: ${warning}\n`)
  let record: Outcome
  if (kind === 'html') {
    const {processItem} = await import('../item.js')
    const {json} = processItem({html: decoded.text, warnings: decoded.warnings}, options)
    record = JSON.parse(json) as Outcome
  } else {
    record = runRecord(decoded.text, {...options, warnings: decoded.warnings})
  }
  if (isErrorRecord(record)) {
    process.stderr.write(`copydesk: stdin: ${record.error}\n`)
    return 1
  }
  if (values['dry-run']) await write(describeDryRun(record))
  else if (record.text.length > 0) await write(`${record.text}\n`)
  return 0
}
