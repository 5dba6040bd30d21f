/**
 * `npm run eval artifacts`: the artifact cleaners (the `clean` preset, after
 * the `repair` preset as in the pipeline) on the
 * dev snippets in `../shared/corpus/artifacts-dev.jsonl`, scored against the
 * hand-written gold, per group: The Hill (`hill-`, `hillx-`), other publishers
 * (`oth-`) and negatives (`neg-`, which must come out untouched).
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {clean as cleanPreset, repair} from '../pipeline/presets.js'
import type {Removal} from '../plugins/util/data-map.js'
import {charDiff, tidy} from './eval-artifacts-diff.js'
import {measureProse, reutersBodies, zyteBodies} from './eval-artifacts-prose.js'

/** One line of the dev set. */
export interface Snippet {
  id: string
  raw: string
  clean: string
}

/** Figures for one group of snippets. */
export interface GroupFigures {
  group: string
  count: number
  /** Snippets whose output equals the gold after tidying whitespace on both sides. */
  exact: number
  /** Snippets whose output equals the gold byte for byte. */
  strict: number
  /** Characters of the gold that the cleaner removed (prose lost). */
  wronglyRemoved: number
  /** Characters the gold removes that the cleaner left (debris kept). */
  debrisLeft: number
  /** Ids of the snippets that did not match after tidying. */
  misses: string[]
}

const groups: ReadonlyArray<[string, (id: string) => boolean]> = [
  ['hill', (id) => id.startsWith('hill-') || id.startsWith('hillx-')],
  ['other publishers', (id) => id.startsWith('oth-')],
  ['negatives', (id) => id.startsWith('neg-')],
]

// The cleaners as the pipeline runs them: after the repairers (entities,
// mojibake, Unicode form), before any normaliser tidies the text.
const processor = retext().use(repair).use(cleanPreset).freeze()

/** Run the `repair` and `clean` presets (the artifact cleaners) on one text. */
export function cleanText(text: string): string {
  const file = new VFile(text)
  const tree = processor.runSync(processor.parse(file) as Root, file)
  return String(processor.stringify(tree as Root, file))
}

/** What the artifact cleaners would remove from one text. */
export function cleanRemovals(text: string): Removal[] {
  const file = new VFile(text)
  processor.runSync(processor.parse(file) as Root, file)
  return (file.data.removed ?? []).filter((removal) => artifactSources.has(removal.source))
}

// Only the artifact cleaners' removals: the repairers record their own changes.
const artifactSources = new Set([
  'remove-hill-blurbs',
  'remove-truncation-markers',
  'remove-boilerplate',
])

/** Read the dev set from a `shared` folder. */
export function readSnippets(shared: string): Snippet[] {
  return readFileSync(join(shared, 'corpus/artifacts-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Snippet)
}

/** Score every group. */
export function evaluate(snippets: readonly Snippet[]): GroupFigures[] {
  return groups.map(([group, belongs]) => {
    const figures: GroupFigures = {
      group,
      count: 0,
      exact: 0,
      strict: 0,
      wronglyRemoved: 0,
      debrisLeft: 0,
      misses: [],
    }
    for (const snippet of snippets.filter((item) => belongs(item.id))) {
      const output = cleanText(snippet.raw)
      const got = tidy(output)
      const gold = tidy(snippet.clean)
      const diff = charDiff(got, gold)
      figures.count++
      if (got === gold) figures.exact++
      else figures.misses.push(snippet.id)
      if (output === snippet.clean) figures.strict++
      figures.wronglyRemoved += diff.missing
      figures.debrisLeft += diff.extra
    }
    return figures
  })
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`

/** Print the figures as a table. */
export async function run(shared: string): Promise<void> {
  const figures = evaluate(readSnippets(shared))
  console.log(
    '| group | n | exact (tidy) | exact (strict) | chars wrongly removed | debris chars left |',
  )
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const row of figures) {
    console.log(
      `| ${row.group} | ${row.count} | ${row.exact} (${percent(row.exact, row.count)}) | ` +
        `${row.strict} (${percent(row.strict, row.count)}) | ${row.wronglyRemoved} | ${row.debrisLeft} |`,
    )
  }
  for (const row of figures) {
    if (row.misses.length > 0) console.log(`misses (${row.group}): ${row.misses.join(', ')}`)
  }
  console.log('\nRemovals on clean reference prose (every one is a suspect):\n')
  console.log('| prose | texts | touched | chars removed | removals by rule |')
  console.log('| --- | --- | --- | --- | --- |')
  for (const prose of [
    measureProse('Reuters-21578 bodies', reutersBodies()),
    measureProse('Zyte dev article bodies', zyteBodies(shared)),
  ]) {
    const rules = Object.entries(prose.byRule)
      .map(([rule, count]) => `${rule} ${count}`)
      .join(', ')
    console.log(
      `| ${prose.source} | ${prose.texts} | ${prose.touched} | ${prose.chars} | ${rules || 'none'} |`,
    )
  }
}
