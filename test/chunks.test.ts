/**
 * Long texts are cleaned in parts (pipeline/chunks.ts, chunk-merge.ts,
 * chunk-calls.ts): the record must be the one a single run gives. The long
 * document is assembled from the project's own fixtures (Hill cards,
 * boilerplate, entities, mojibake, unicode debris, loaded and hard sentences)
 * and the seed, so every plugin has work in many parts.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {planChunks} from '../pipeline/chunks.js'
import {clean} from '../pipeline/index.js'
import {fill, scanRatio} from './reliability/linear-scan.js'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
// The plugin fixture folders whose inputs are plain scraped text.
const folders = readdirSync(fixtures).filter(
  (name) => !['html', 'lint', 'report', 'seed', 'sentences'].includes(name),
)
const inputs = folders.flatMap((folder) =>
  readdirSync(join(fixtures, folder))
    .map((name) => join(fixtures, folder, name, 'input.txt'))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path, 'utf8')),
)
inputs.push(readFileSync(join(fixtures, 'seed', 'raw.txt'), 'utf8'))

/** About `size` characters of the fixture inputs, one blank line between them. */
function longDocument(size: number): string {
  const parts: string[] = []
  let length = 0
  for (let index = 0; length < size; index++) {
    const input = (inputs[index % inputs.length] ?? '').trim()
    parts.push(input)
    length += input.length + 2
  }
  return parts.join('\n\n')
}

const document = longDocument(200_000)
const whole = clean(document, {chunkSize: Number.POSITIVE_INFINITY})

describe('a long text cleaned in parts', () => {
  it('has work for every kind of plugin', () => {
    const sources = new Set([
      ...whole.removed.map((removal) => removal.source),
      ...whole.changes.map((change) => change.source),
      ...whole.messages.map((message) => message.source),
    ])
    for (const source of [
      'remove-hill-blurbs',
      'remove-boilerplate',
      'remove-truncation-markers',
      'decode-entities',
      'repair-mojibake',
      'normalise-unicode',
      'normalise-whitespace',
      'score-readability',
      'score-neutrality',
    ]) {
      expect(sources, source).toContain(source)
    }
  })

  for (const size of [4096, 16_384]) {
    it(`gives the record of one run in parts of ${size} characters`, () => {
      expect(planChunks(document, size).length).toBeGreaterThan(200_000 / size / 2)
      expect(clean(document, {chunkSize: size})).toEqual(whole)
    })
  }

  it('gives the record of one run with curly quotes, a dry run, or no scores', () => {
    const shorter = longDocument(60_000)
    for (const options of [{quotes: 'curly' as const}, {dryRun: true}, {score: false}]) {
      expect(clean(shorter, {...options, chunkSize: 4096})).toEqual(
        clean(shorter, {...options, chunkSize: Number.POSITIVE_INFINITY}),
      )
    }
  })

  it('cuts long texts by default, and a text without a safe seam not at all', () => {
    expect(planChunks(document, 65_536).length).toBeGreaterThan(1)
    // Headlines without full stops: no line ends a sentence, so nothing is cut.
    const headlines = fill('Markets Rally as Fed Holds Rates Steady\n', 200_000)
    expect(planChunks(headlines, 4096)).toHaveLength(1)
  })
})

/** Prose paragraphs of our own, with an ad marker every `every` lines. */
function proseWithAds(lines: number, every: number): string {
  const out: string[] = []
  for (let line = 0; line < lines; line++) {
    out.push(
      line % every === every - 1
        ? 'ADVERTISEMENT'
        : `The council met on day ${line} and voted on the harbour budget after a long debate.`,
    )
  }
  return out.join('\n\n')
}

describe('seams', () => {
  it('are never near boilerplate', () => {
    const text = proseWithAds(3000, 80)
    const chunks = planChunks(text, 4096)
    expect(chunks.length).toBeGreaterThan(10)
    for (const chunk of chunks.slice(1)) {
      const around = text.slice(chunk.start - 2000, chunk.start + 2000).split('\n')
      const seam = text.slice(chunk.start - 2000, chunk.start).split('\n').length - 1
      const near = around.slice(seam - 20, seam + 20)
      expect(near.join('\n')).not.toContain('ADVERTISEMENT')
    }
  })

  it('keep rules that read the start or the end of the text to the part that has it', () => {
    const text = proseWithAds(3000, 10_000)
    const chunks = planChunks(text, 16_384)
    const first = chunks[0]?.rulesOff ?? []
    const last = chunks.at(-1)?.rulesOff ?? []
    // `news-aggregator-title` is anchored at the start, `most-popular-tail` a tail rule.
    expect(first).toContain('most-popular-tail')
    expect(first).not.toContain('news-aggregator-title')
    expect(chunks[1]?.rulesOff).toEqual(
      expect.arrayContaining(['news-aggregator-title', 'most-popular-tail']),
    )
    expect(last).toContain('news-aggregator-title')
    expect(last).not.toContain('most-popular-tail')
    // A tail rule acts on the first line it matches: one far from the end keeps it off.
    const early = text.replace('ADVERTISEMENT', 'Most Popular')
    const withTail = `${early.slice(0, 1000)}\n\nMost Popular\n\n${early.slice(1000)}`
    expect(planChunks(withTail, 16_384).at(-1)?.rulesOff).toContain('most-popular-tail')
  })

  it('count lines as the whole text does, so positions agree', () => {
    const text = proseWithAds(2000, 10_000).replaceAll('\n\n', '\r\n')
    const chunks = planChunks(text, 8192)
    for (const chunk of chunks) {
      expect(chunk.line).toBe(text.slice(0, chunk.start).split('\r\n').length)
    }
  })
})

// About 1 MB of input shaped to make the seam search work hardest: every line
// a candidate whose surroundings hold boilerplate, lines of spaces, and one
// line with no break at all. The search must stay linear (a ratio to a plain
// scan, generous for a busy machine).
describe('linear time on adversarial input', () => {
  const cases = {
    'ads around every candidate': fill('Done.\nADVERTISEMENT\n', 1_000_000),
    'candidates with long blank lines': fill(`Done.\n${' '.repeat(5000)}\nThe end.\n`, 1_000_000),
    'one line without breaks': fill('Word. ', 1_000_000),
    'every line a seam': fill('Done.\nThe\n', 1_000_000),
  }
  for (const [name, text] of Object.entries(cases)) {
    it(`plans ${name} in linear time`, () => {
      expect(scanRatio(text, () => planChunks(text, 4096), 3000)).toBeLessThan(3000)
    })
  }
})
