/**
 * The measurements of `npm run bench`, each on the same corpus in the same
 * run, so that their ratios mean something on whatever machine runs them. The
 * naive chain, `clean()` and the batch engine run in processes of their own,
 * as programs that use them do; the rest in the bench's process.
 */
import {spawn, spawnSync} from 'node:child_process'
import {once} from 'node:events'
import {createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'
import {retext} from 'retext'
import retextEnglish from 'retext-english'
import retextEquality from 'retext-equality'
import retextIntensify from 'retext-intensify'
import retextPassive from 'retext-passive'
import retextProfanities from 'retext-profanities'
import retextReadability from 'retext-readability'
import retextSimplify from 'retext-simplify'
import {clean, createPipeline} from '../../pipeline/index.js'
import {bytesOf, documentOfSize} from './corpus.js'

/** Documents done, time taken and bytes read by one measurement. */
export interface Throughput {
  docs: number
  ms: number
  bytes: number
}

export const docsPerSecond = (t: Throughput): number => (t.docs / t.ms) * 1000
export const megabytesPerSecond = (t: Throughput): number => t.bytes / 1e6 / (t.ms / 1000)

/**
 * Run `work` on documents (the corpus, cycled) until at least `minMs` have
 * passed and `minDocs` are done, or `maxDocs` are done.
 */
export function loop(
  docs: readonly string[],
  work: (doc: string) => unknown,
  {minMs = 3000, minDocs = 20, maxDocs = 100_000} = {},
): Throughput {
  let count = 0
  let bytes = 0
  const started = performance.now()
  while (count < maxDocs && (count < minDocs || performance.now() - started < minMs)) {
    const doc = docs[count % docs.length] ?? ''
    work(doc)
    bytes += Buffer.byteLength(doc)
    count++
  }
  return {docs: count, ms: performance.now() - started, bytes}
}

/** The floor: read JSONL, a few regular expressions, write JSONL. */
export async function readWriteOnly(input: string, bytes: number): Promise<Throughput> {
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))
  const output = createWriteStream(join(folder, 'out.jsonl'))
  const started = performance.now()
  let docs = 0
  for await (const line of createInterface({input: createReadStream(input), crlfDelay: Infinity})) {
    const record = JSON.parse(line) as {id: string; text: string}
    // The kind of work a trivial cleaner does: trailing spaces, blank-line runs, ends.
    const text = record.text
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
    if (!output.write(`${JSON.stringify({id: record.id, text})}\n`)) await once(output, 'drain')
    docs++
  }
  output.end()
  await once(output, 'finish')
  const ms = performance.now() - started
  rmSync(folder, {recursive: true, force: true})
  return {docs, ms, bytes}
}

/** The chain data teams start from: retext-english and six retext analysers. */
export function naiveChainHere(docs: readonly string[]): Throughput {
  const processor = retext()
    .use(retextEnglish)
    .use(retextReadability)
    .use(retextEquality)
    .use(retextIntensify)
    .use(retextSimplify)
    .use(retextPassive)
    .use(retextProfanities)
    .freeze()
  // Warm as clean() is (fewer documents: it runs at about 40 a second).
  for (const doc of docs.slice(0, 10)) processor.processSync(doc)
  return loop(docs, (doc) => processor.processSync(doc), {minMs: 4000, minDocs: 10})
}

/** Parsing only: parse-english (retext-english) and the parser of copydesk's own pipeline. */
export function parseOnly(docs: readonly string[]): {english: Throughput; copydesk: Throughput} {
  const english = retext().use(retextEnglish).freeze()
  const pipeline = createPipeline()
  return {
    english: loop(docs, (doc) => english.parse(doc)),
    copydesk: loop(docs, (doc) => pipeline.parse(doc)),
  }
}

/** copydesk's full default pipeline through `clean()`, one thread. */
export function fullPipelineHere(docs: readonly string[]): Throughput {
  // Warm: the first documents run while V8 still compiles the pipeline.
  for (const doc of docs.slice(0, 200)) clean(doc)
  return loop(docs, (doc) => clean(doc), {minMs: 5000})
}

/** `measure` in a fresh process (scripts/bench/single-thread.ts), on the same corpus. */
function inOwnProcess(measure: 'full' | 'naive', v8Flags: readonly string[] = []): Throughput {
  const script = fileURLToPath(new URL('./single-thread.js', import.meta.url))
  const result = spawnSync(process.execPath, [...v8Flags, script, measure], {encoding: 'utf8'})
  if (result.status !== 0) throw new Error(`single-thread.js ${measure} failed: ${result.stderr}`)
  return JSON.parse(result.stdout) as Throughput
}

/** Runs of one measurement, each in a process of its own, and the middle one by documents a second. */
export interface Runs {
  median: Throughput
  runs: Throughput[]
}

/** `measure` in `runs` fresh processes, started with `v8Flags`. */
function inProcesses(measure: 'full' | 'naive', runs: number, v8Flags: readonly string[]): Runs {
  const all: Throughput[] = []
  for (let run = 0; run < runs; run++) all.push(inOwnProcess(measure, v8Flags))
  const sorted = [...all].sort((a, b) => docsPerSecond(a) - docsPerSecond(b))
  return {median: sorted[Math.floor(sorted.length / 2)] as Throughput, runs: all}
}

/**
 * The naive chain above, single thread: the median of `runs` processes,
 * measured as `clean()` is, so that their ratio compares like with like.
 */
export const naiveChain = (runs = 3): Runs => inProcesses('naive', runs, [])

/**
 * copydesk's full `clean()`, single thread: the median of `runs` processes,
 * and every run. One process can run a fifth slower than the next on the
 * same build (850 and 1,059 docs/s in two benches an hour apart): V8 decides
 * early in a process, from the first collections of a young generation still
 * small, to allocate some objects straight in the old generation
 * ("allocation-site pretenuring"), for good. A parse-only loop showed it
 * plainly, about 0.065 or 0.25 ms a document by process, and never slow with
 * `--no-allocation-site-pretenuring`; README › Speed has the figures.
 * Programs that call `clean()` get whichever, so the bench reports the middle
 * one and the range; `v8Flags` start the processes with V8 settings of their own.
 */
export const fullPipeline = (runs = 3, v8Flags: readonly string[] = []): Runs =>
  inProcesses('full', runs, v8Flags)

/**
 * The batch engine end to end (read JSONL, clean, write records) with `jobs`
 * threads, as users run it: the real CLI in a fresh process, timed from spawn
 * to exit. In this process the main thread would share its heap with the
 * corpus and the other measurements, and pay for them in every collection.
 */
export async function batchEngine(input: string, jobs: number): Promise<Throughput> {
  const out = mkdtempSync(join(tmpdir(), 'copydesk-bench-out-'))
  const cli = fileURLToPath(new URL('../../pipeline/cli.js', import.meta.url))
  try {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [cli, 'clean', input, '--out', out, '--jobs', String(jobs), '--quiet'],
      {stdio: 'ignore'},
    )
    const [code] = (await once(child, 'exit')) as [number | null]
    const ms = performance.now() - started
    if (code !== 0) throw new Error(`copydesk clean --jobs ${jobs} exited with ${code}`)
    const summary = JSON.parse(readFileSync(join(out, 'copydesk-summary.json'), 'utf8')) as {
      records: number
      inputBytes: number | null
    }
    return {docs: summary.records, ms, bytes: summary.inputBytes ?? 0}
  } finally {
    rmSync(out, {recursive: true, force: true})
  }
}

/**
 * Time per KB of `clean()` at each size; sizes past `budgetMs` (projected)
 * are left out. A size of a few KB is timed on every article of the corpus
 * that long, cut to that size (686 different documents of 1 KB), twice over:
 * one short document cleaned fifty times over measured a best case no batch
 * sees (its words always in the memos) and, at 50 ms in all, any collection of
 * the bench's heap doubled it (0.53 and 0.87 ms/KB in two runs of the same
 * build). A larger size is one document built from consecutive articles (each
 * part different text), cleaned again and again.
 */
export function perKilobyte(
  docs: readonly string[],
  sizes: readonly number[],
  budgetMs: number,
): Array<{size: number; msPerKb: number | null; ms: number | null; documents: number}> {
  const results: Array<{
    size: number
    msPerKb: number | null
    ms: number | null
    documents: number
  }> = []
  let last: {size: number; ms: number} | undefined
  for (const size of sizes) {
    // Project from the last size, assuming growth no better than linear.
    if (last && (last.ms * size) / last.size > budgetMs) {
      results.push({size, msPerKb: null, ms: null, documents: 0})
      continue
    }
    const texts =
      size <= 10_000
        ? docs.filter((doc) => doc.length >= size).map((doc) => doc.slice(0, size))
        : [documentOfSize(docs, size)]
    const repeats = size <= 10_000 ? 2 : size <= 200_000 ? 10 : 1
    // Warm up on the same path: a text over the part size is cleaned in parts
    // (pipeline/chunks.ts), whose code a 2 KB warm-up never runs, so a first
    // cold run of it was timed as the 100 KB figure. Ten megabytes are warmed
    // by a megabyte of the same text.
    for (const text of texts.slice(0, 50))
      clean(size <= 1024 * 1024 ? text : text.slice(0, 1024 * 1024))
    const started = performance.now()
    for (let index = 0; index < repeats; index++) for (const text of texts) clean(text)
    const ms = (performance.now() - started) / repeats / texts.length
    results.push({
      size,
      msPerKb: ms / (bytesOf(texts) / texts.length / 1024),
      ms,
      documents: texts.length,
    })
    last = {size, ms}
  }
  return results
}

/** Median wall time of `copydesk clean < seed > /dev/null` in a fresh process (NaN when it fails). */
export function coldStart(runs = 5): number {
  const cli = fileURLToPath(new URL('../../pipeline/cli.js', import.meta.url))
  const seed = readFileSync(
    fileURLToPath(new URL('../../../test/fixtures/seed/raw.txt', import.meta.url)),
  )
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const result = spawnSync(process.execPath, [cli, 'clean'], {input: seed})
    // A broken build gives no figure rather than stopping the whole bench.
    if (result.status !== 0) return Number.NaN
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[times.length >> 1] ?? 0
}
