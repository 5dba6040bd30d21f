/**
 * `copydesk report`: a run's records into one self-contained HTML page for
 * QA review (see README, QA report).
 */
import {stat} from 'node:fs/promises'
import {basename, join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {runFiles, UsageError} from '../batch.js'
import {reportClash} from '../batch-outputs.js'
import {buildReport} from '../report/html.js'
import {readSuppressions, type Suppression} from '../report/suppressions.js'
import {readRecords, writeReport} from '../report/write.js'
import {write} from './output.js'

export const usage = `  report RUN          a QA report (one HTML file) of a run: RUN is a --out folder or a records file
                      (JSONL). Without -o, the page goes to stdout.

Options for report:
  -o, --out FILE      write the report to FILE
  --name NAME         batch name shown in the report (default: RUN's name)
  --suppressions FILE review decisions exported from a report, shown as already made
`

/** Run `copydesk report` with its arguments; resolves to the exit code. */
export async function reportCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: {type: 'string', short: 'o'},
      name: {type: 'string'},
      suppressions: {type: 'string'},
    },
  })
  const [run, ...extra] = positionals
  if (run === undefined || extra.length > 0) {
    throw new UsageError('report needs exactly one RUN (an --out folder or a records file)')
  }
  if (values.out !== undefined) {
    // The page must not replace the run it reports on.
    const info = await stat(run).catch(() => undefined)
    const kept = info?.isDirectory() ? runFiles.map((name) => join(run, name)) : [run]
    const clash = await reportClash(values.out, kept)
    if (clash) throw new UsageError(clash.replace('--report', '--out'))
  }
  let records: unknown[]
  try {
    records = await readRecords(run)
  } catch (error) {
    throw new UsageError(`Cannot read records from ${run}: ${(error as Error).message}`)
  }
  let decisions: Suppression[] = []
  if (values.suppressions !== undefined) {
    try {
      decisions = (await readSuppressions(values.suppressions)).suppressions
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
  }
  const options = {name: values.name ?? basename(resolve(run)), decisions}
  if (values.out === undefined) await write(buildReport(records, options))
  else {
    await writeReport(values.out, records, options)
    process.stderr.write(`copydesk: report of ${records.length} record(s) in ${values.out}\n`)
  }
  return 0
}
