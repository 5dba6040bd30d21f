/**
 * Speed of the HTML reader, single thread, in-process: pages/s on the Zyte
 * benchmark's dev pages in ../shared (when present), with cheerio's parse
 * alone for comparison, and on copydesk's own fixture pages. Collected by
 * `npm run bench`; the target is 150 pages/s on the Zyte pages.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {extractArticle} from '../pipeline/io/html.js'
import {loadHtml} from '../pipeline/io/html-dom.js'
import {loadZytePages} from './eval-extraction.js'

/** One row of `npm run bench`. */
export interface BenchRow {
  row: string
  value: number
  unit: string
}

/** Milliseconds by the wall clock, or of this process's CPU time. */
type Clock = () => () => number

const wallClock: Clock = () => {
  const started = performance.now()
  return () => performance.now() - started
}

/** On a shared machine wall time also counts the other processes' turns on the cores. */
const cpuClock: Clock = () => {
  const started = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(started)
    return (used.user + used.system) / 1000
  }
}

/** Pages per second over `rounds` passes (the best pass: the others measure the machine, not the code). */
function pagesPerSecond(
  pages: readonly string[],
  read: (html: string) => unknown,
  rounds = 5,
  clock: Clock = wallClock,
): number {
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < rounds; round++) {
    const elapsed = clock()
    for (const html of pages) read(html)
    best = Math.min(best, elapsed())
  }
  return Math.round((pages.length * 1000) / best)
}

/** The bench rows. */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const shared = fileURLToPath(new URL('../../../shared/', import.meta.url))
  if (existsSync(`${shared}benchmarks/extraction/zyte-dev`)) {
    const pages = loadZytePages(shared).map((page) => page.html)
    rows.push({
      row: `extraction: extractArticle on ${pages.length} Zyte dev pages (target 150)`,
      value: pagesPerSecond(pages, (html) => extractArticle(html)),
      unit: 'pages/s',
    })
    rows.push({
      row: `extraction: extractArticle on ${pages.length} Zyte dev pages, CPU time`,
      value: pagesPerSecond(pages, (html) => extractArticle(html), 5, cpuClock),
      unit: 'pages/CPU-s',
    })
    rows.push({
      row: `extraction: cheerio parse alone (htmlparser2 mode), same pages`,
      value: pagesPerSecond(pages, (html) => loadHtml(html)),
      unit: 'pages/s',
    })
  }
  const fixtures = new URL('../../test/fixtures/html/', import.meta.url)
  if (existsSync(fixtures)) {
    const pages = readdirSync(fixtures).map((name) =>
      readFileSync(new URL(`${name}/input.html`, fixtures), 'utf8'),
    )
    rows.push({
      row: `extraction: extractArticle on copydesk's ${pages.length} fixture pages`,
      value: pagesPerSecond(pages, (html) => extractArticle(html), 200),
      unit: 'pages/s',
    })
  }
  return rows
}
