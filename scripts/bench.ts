/**
 * `npm run bench`: copydesk's speed against a naive retext chain and the I/O
 * floor, on real news text, printed as a Markdown table with the ratios
 * measured in the same run. `--big` adds peak memory on a 1 GB JSONL input
 * (`--big-seconds N` caps it, default 600). Other areas' `scripts/bench-*.ts`
 * modules are collected into a second table.
 */
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {cpus, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {bigRun} from './bench/big.js'
import {loadCorpus, writeJsonl} from './bench/corpus.js'
import {
  batchEngine,
  coldStart,
  docsPerSecond,
  fullPipeline,
  megabytesPerSecond,
  naiveChain,
  parseOnly,
  perKilobyte,
  readWriteOnly,
  type Throughput,
} from './bench/measure.js'

const {values} = parseArgs({
  options: {
    big: {type: 'boolean', default: false},
    'big-seconds': {type: 'string', default: '600'},
  },
})

type Cell = string
const rows: Cell[][] = []
/** Rows are printed as they come too, so a stopped run still shows what it measured. */
const add = (row: Cell[]): void => {
  rows.push(row)
  console.log(`  ${row.filter((cell) => cell !== '').join('  ')}`)
}
const fixed = (value: number, digits = 1): string => value.toFixed(digits)
const speed = (t: Throughput): [string, string] => [
  fixed(docsPerSecond(t), 0),
  fixed(megabytesPerSecond(t), 2),
]
const verdict = (ok: boolean): string => (ok ? 'met' : 'not met')
/** Every run's documents a second, in run order. */
const each = (runs: readonly Throughput[]): string =>
  runs.map((run) => fixed(docsPerSecond(run), 0)).join(', ')

const docs = loadCorpus()
const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))
console.log(
  `copydesk bench: ${docs.length} documents (Reuters-21578 articles of 3–6 KB and the seed), ` +
    `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.versions.node}, ` +
    `load average ${loadavg()
      .map((load) => fixed(load, 1))
      .join(' ')} at start`,
)

try {
  const floorInput = join(folder, 'floor.jsonl')
  const floorBytes = await writeJsonl(docs, 20_000, floorInput)
  const floor = await readWriteOnly(floorInput, floorBytes)
  add(['read JSONL + regexes + write JSONL (floor)', ...speed(floor), '', ''])

  const parse = parseOnly(docs)
  add(['parse only: parse-english (retext-english)', ...speed(parse.english), '', ''])
  add(['parse only: copydesk pipeline parser', ...speed(parse.copydesk), '', ''])

  const {median: naive, runs: naiveRuns} = naiveChain()
  add([
    `naive retext chain (english + 6 analysers), median of ${naiveRuns.length} processes (${each(naiveRuns)})`,
    ...speed(naive),
    '1.0×',
    '',
  ])

  const {median: full, runs: fullRuns} = fullPipeline()
  const fullRatio = docsPerSecond(full) / docsPerSecond(naive)
  add([
    `copydesk full pipeline, clean(), 1 thread, median of ${fullRuns.length} processes (${each(fullRuns)})`,
    ...speed(full),
    `${fixed(fullRatio)}× naive`,
    `≥ 50× naive and ≥ 1,000 docs/s: ${verdict(fullRatio >= 50 && docsPerSecond(full) >= 1000)}`,
  ])
  // The same in processes that never pretenure (see `fullPipeline`): what V8's
  // early decision costs, and what a program gets with the flag.
  const steady = fullPipeline(3, ['--no-allocation-site-pretenuring'])
  add([
    `  the same, node --no-allocation-site-pretenuring (${each(steady.runs)})`,
    ...speed(steady.median),
    `${fixed(docsPerSecond(steady.median) / docsPerSecond(naive))}× naive`,
    '',
  ])

  // The batch engine on enough records for about ten seconds at one thread.
  const count = Math.max(200, Math.min(20_000, Math.round(docsPerSecond(full) * 10)))
  const batchInput = join(folder, 'batch.jsonl')
  await writeJsonl(docs, count, batchInput)
  const one = await batchEngine(batchInput, 1)
  add([
    `copydesk batch engine (${count} records), --jobs 1`,
    ...speed(one),
    `${fixed(docsPerSecond(one) / docsPerSecond(naive))}× naive`,
    '',
  ])
  const two = await batchEngine(batchInput, 2)
  const scaling = docsPerSecond(two) / docsPerSecond(one)
  add([
    `copydesk batch engine (${count} records), --jobs 2`,
    ...speed(two),
    `${fixed(scaling, 2)}× --jobs 1`,
    `≥ 1.8× one thread: ${verdict(scaling >= 1.8)}`,
  ])

  const sizes = perKilobyte(docs, [1024, 100 * 1024, 1024 * 1024, 10 * 1024 * 1024], 300_000)
  const base = sizes[0]?.msPerKb ?? Number.NaN
  for (const {size, msPerKb, ms, documents} of sizes) {
    const label = size >= 1024 * 1024 ? `${size / 1024 / 1024} MB` : `${size / 1024} KB`
    const what =
      documents > 1 ? `${documents} different ${label} documents` : `one ${label} document`
    if (msPerKb === null) {
      add([`clean() time per KB, ${what}`, '', '', 'not run', 'projected past 5 min'])
      continue
    }
    const ratio = msPerKb / base
    add([
      `clean() time per KB, ${what}`,
      '',
      '',
      `${fixed(msPerKb, 3)} ms/KB (${fixed((ms ?? 0) / 1000, 2)} s), ${fixed(ratio, 2)}× 1 KB`,
      size === 1024 ? '' : `within ±30% of 1 KB: ${verdict(ratio <= 1.3 && ratio >= 0.7)}`,
    ])
  }

  const cold = coldStart()
  add([
    '`copydesk clean < seed` from a cold start',
    '',
    '',
    `${fixed(cold, 0)} ms`,
    `≤ 250 ms: ${verdict(cold <= 250)}`,
  ])

  if (values.big) {
    const big = await bigRun(docs, 1e9, Number(values['big-seconds']))
    add([
      `peak RSS, ${fixed(big.inputMb, 0)} MB JSONL, --jobs 2`,
      '',
      '',
      `${fixed(big.peakRssMb, 0)} MB`,
      `≤ 300 MB: ${verdict(big.peakRssMb <= 300)}` +
        (big.finished
          ? ''
          : ` (stopped after ${fixed(big.seconds, 0)} s, ${big.records} records done)`),
    ])
  }
} finally {
  rmSync(folder, {recursive: true, force: true})
}

function printTable(header: Cell[], body: Cell[][]): void {
  console.log(`\n| ${header.join(' | ')} |`)
  console.log(`| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`)
  for (const row of body) console.log(`| ${row.join(' | ')} |`)
}

printTable(['row', 'docs/s', 'MB/s', 'ratio / figure', 'target'], rows)

// Other areas' benchmarks: scripts/bench-<area>.ts, each exporting run().
const here = fileURLToPath(new URL('.', import.meta.url))
const modules = existsSync(here)
  ? readdirSync(here)
      .filter((name) => /^bench-[\w-]+\.js$/.test(name))
      .sort()
  : []
const extra: Cell[][] = []
for (const name of modules) {
  try {
    const module = (await import(new URL(name, import.meta.url).href)) as {
      run?: () => Promise<Array<{row: string; value: number; unit: string}>>
    }
    if (typeof module.run !== 'function') continue
    for (const row of await module.run())
      extra.push([name.slice(6, -3), row.row, fixed(row.value, 2), row.unit])
  } catch (error) {
    extra.push([name.slice(6, -3), 'failed', '', (error as Error).message])
  }
}
if (extra.length > 0) printTable(['area', 'row', 'value', 'unit'], extra)
