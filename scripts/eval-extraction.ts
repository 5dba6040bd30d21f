/**
 * `npm run eval extraction`: the HTML reader on the dev half of the Zyte
 * article-extraction benchmark (F1 of token 4-gram shingles, pages/s), and on
 * Mozilla Readability's test pages as a robustness suite (no crash, no script
 * or style text in the output, text where Readability finds an article,
 * metadata agreement).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import type {Document} from 'domhandler'
import {type ExtractedArticle, extractArticle} from '../pipeline/io/html.js'
import {collectBlocks} from '../pipeline/io/html-blocks.js'
import {loadHtml} from '../pipeline/io/html-dom.js'
import {combine, type Figures, type PageScore, scorePage} from './eval-extraction-metric.js'

/** One benchmark page with its ground truth. */
export interface BenchmarkPage {
  id: string
  url: string
  html: string
  truth: string
}

/** Load the Zyte dev pages (gunzipped) and their ground truth. */
export function loadZytePages(shared: string): BenchmarkPage[] {
  const folder = join(shared, 'benchmarks/extraction/zyte-dev')
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<
    string,
    {articleBody: string; url: string}
  >
  return Object.entries(truth)
    .filter(([id]) => existsSync(join(folder, 'html', `${id}.html.gz`)))
    .map(([id, entry]) => ({
      id,
      url: entry.url,
      html: gunzipSync(readFileSync(join(folder, 'html', `${id}.html.gz`))).toString('utf8'),
      truth: entry.articleBody,
    }))
}

/** Extraction figures on the Zyte dev pages. */
export interface ZyteFigures extends Figures {
  pages: number
  pagesPerSecond: number
  worst: Array<{id: string; url: string; precision: number; recall: number}>
}

/** Score the reader on the Zyte dev pages; speed is the best of `rounds` timed passes. */
export function evaluateZyte(pages: readonly BenchmarkPage[], rounds = 3): ZyteFigures {
  const outputs: ExtractedArticle[] = []
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < rounds; round++) {
    const start = performance.now()
    for (const page of pages)
      outputs[pages.indexOf(page)] = extractArticle(page.html, {url: page.url})
    best = Math.min(best, performance.now() - start)
  }
  const scores: PageScore[] = pages.map((page, index) =>
    scorePage(outputs[index]?.text ?? '', page.truth),
  )
  const worst = pages
    .map((page, index) => {
      const score = scores[index] as PageScore
      return {
        id: page.id.slice(0, 12),
        url: page.url,
        precision: score.predicted === 0 ? 0 : score.truePositives / score.predicted,
        recall: score.expected === 0 ? 1 : score.truePositives / score.expected,
      }
    })
    .sort((a, b) => f1Of(a) - f1Of(b))
    .slice(0, 15)
  return {
    ...combine(scores),
    pages: pages.length,
    pagesPerSecond: (pages.length * 1000) / best,
    worst,
  }
}

function f1Of(page: {precision: number; recall: number}): number {
  const sum = page.precision + page.recall
  return sum === 0 ? 0 : (2 * page.precision * page.recall) / sum
}

/** Robustness figures on Readability's test pages. */
export interface RobustnessFigures {
  pages: number
  crashes: string[]
  /** Pages whose output holds a line of the page's script or style text. */
  scriptLeaks: string[]
  /** Pages Readability calls readerable where we found no text. */
  empty: string[]
  titleAgreement: number
  langAgreement: number
  /** Shingle F1 against Readability's own output (agreement, not accuracy). */
  readabilityAgreement: Figures
}

/** Lines of script and style text long enough to be unmistakable in prose. */
function codeLines(html: string): string[] {
  const lower = html.toLowerCase()
  const lines: string[] = []
  for (const tag of ['script', 'style']) {
    // A plain scan from each start tag to its end tag: cheaper than a second parse.
    let start = lower.indexOf(`<${tag}`)
    while (start !== -1) {
      const open = lower.indexOf('>', start)
      const close = open === -1 ? -1 : lower.indexOf(`</${tag}`, open)
      if (close === -1) break
      for (const line of html.slice(open + 1, close).split('\n')) {
        const trimmed = line.trim()
        if (trimmed.length >= 40 && /[{};=]/.test(trimmed)) lines.push(trimmed)
      }
      start = lower.indexOf(`<${tag}`, close)
    }
  }
  return lines
}

/** Run the reader on every Readability test page (`withAgreement`: also compare with Readability's output). */
export function evaluateRobustness(shared: string, withAgreement = true): RobustnessFigures {
  const folder = join(shared, 'benchmarks/extraction/readability-pages')
  const cases = readdirSync(folder, {withFileTypes: true}).filter((entry) => entry.isDirectory())
  const figures: RobustnessFigures = {
    pages: cases.length,
    crashes: [],
    scriptLeaks: [],
    empty: [],
    titleAgreement: 0,
    langAgreement: 0,
    readabilityAgreement: {precision: 0, recall: 0, f1: 0},
  }
  const agreement: PageScore[] = []
  let titles = 0
  let langs = 0
  for (const entry of cases) {
    const html = readFileSync(join(folder, entry.name, 'source.html'), 'utf8')
    const expected = JSON.parse(
      readFileSync(join(folder, entry.name, 'expected-metadata.json'), 'utf8'),
    ) as {title?: string; lang?: string; readerable?: boolean}
    let article: ExtractedArticle
    try {
      article = extractArticle(html)
    } catch (error) {
      figures.crashes.push(`${entry.name}: ${String(error)}`)
      continue
    }
    if (codeLines(html).some((line) => article.text.includes(line))) {
      figures.scriptLeaks.push(entry.name)
    }
    if (expected.readerable && article.text.length < 100) figures.empty.push(entry.name)
    if (withAgreement) {
      const theirs = readFileSync(join(folder, entry.name, 'expected.html'), 'utf8')
      agreement.push(scorePage(article.text, plainText(theirs)))
    }
    if (expected.title) {
      titles++
      if (article.meta.title && sameText(article.meta.title, expected.title)) {
        figures.titleAgreement++
      }
    }
    if (expected.lang) {
      langs++
      if (article.meta.lang?.toLowerCase() === expected.lang.toLowerCase()) figures.langAgreement++
    }
  }
  figures.readabilityAgreement = combine(agreement)
  figures.titleAgreement /= Math.max(titles, 1)
  figures.langAgreement /= Math.max(langs, 1)
  return figures
}

/** All the text of an HTML fragment, blocks apart. */
function plainText(html: string): string {
  const document = loadHtml(html).root()[0] as unknown as Document
  return collectBlocks(document, new Set())
    .blocks.map((block) => block.text)
    .join('\n\n')
}

function sameText(a: string, b: string): boolean {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
  return normal(a) === normal(b)
}

function format(value: number): string {
  return value.toFixed(3)
}

/** Print the figures (the `npm run eval` entry point). */
export async function run(shared: string): Promise<void> {
  const zyte = evaluateZyte(loadZytePages(shared))
  console.log(`Zyte dev pages: ${zyte.pages}`)
  console.log(
    `F1 ${format(zyte.f1)}  precision ${format(zyte.precision)}  recall ${format(zyte.recall)}  ` +
      `${zyte.pagesPerSecond.toFixed(0)} pages/s (single thread, in-process, parse included)`,
  )
  console.log(
    'anchors: rs_trafilatura 0.972, trafilatura 0.950, Readability.js 0.944; target 0.965',
  )
  if (process.env.COPYDESK_EVAL_VERBOSE) {
    for (const page of zyte.worst) {
      console.log(`  ${page.id} P ${format(page.precision)} R ${format(page.recall)} ${page.url}`)
    }
  }
  const robust = evaluateRobustness(shared)
  console.log(`\nReadability test pages: ${robust.pages}`)
  console.log(
    `crashes ${robust.crashes.length}, script/style leaks ${robust.scriptLeaks.length}, ` +
      `empty on readerable pages ${robust.empty.length}, title agreement ${format(robust.titleAgreement)}, ` +
      `lang agreement ${format(robust.langAgreement)}`,
  )
  const agree = robust.readabilityAgreement
  console.log(
    `agreement with Readability's output (not gold): F1 ${format(agree.f1)}, ` +
      `precision ${format(agree.precision)}, recall ${format(agree.recall)}`,
  )
  for (const line of [...robust.crashes, ...robust.scriptLeaks, ...robust.empty]) {
    console.log(`  ${line}`)
  }
}
