/**
 * Speed of the normalisers on bad input: one line (no line break at all) of
 * news-like text written for copydesk, with mojibake, entities, invisible
 * characters, stray spaces and straight quotes sprinkled in. Collected by
 * `npm run bench`.
 */
import {performance} from 'node:perf_hooks'
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {normalise, repair} from '../pipeline/presets.js'
import normalisePunctuation from '../plugins/normalise-punctuation.js'
import {findWhitespaceEdits} from '../plugins/normalise-whitespace.js'
import {findEntities} from '../plugins/util/entities.js'
import {findCyrillicMojibake, findUtf8Mojibake} from '../plugins/util/mojibake.js'
import {findStraightEdits} from '../plugins/util/punctuation.js'
import {findCharacterEdits, findNormalisationEdits} from '../plugins/util/unicode-chars.js'

/** Sentences of our own, each with a few things to normalise. */
const sentences = [
  'The council\u00e2\u20ac\u2122s budget passed on Tuesday , after a long debate.',
  'Residents of S\u00c3\u00a3o Paulo and Z\u00c3\u00bcrich sent letters &amp; petitions.',
  'The mayor said "we will fix the roads" -- and the crowd cheered...',
  'Tickets cost \u00c2\u00a35 at the door\u200b, and the hall holds 400 people.',
  'Jos\u00e9 Mart\u00ednez, Zo\u00eb Ng and \u0130lhan Y\u0131lmaz spoke   for the residents.',
  'The co\u00adoperative\u2019s report, &#8220;Streets for All&#8221;, is online.',
]

/** About `megabytes` MB of text on a single line. */
export function singleLine(megabytes: number): string {
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < megabytes * 1_000_000; i++) {
    const sentence = sentences[i % sentences.length] ?? ''
    parts.push(sentence)
    length += sentence.length + 1
  }
  return parts.join(' ')
}

/** MB/s of `work` on `megabytes` of text. */
function rate(megabytes: number, work: () => unknown): number {
  const started = performance.now()
  work()
  const seconds = (performance.now() - started) / 1000
  return Math.round((megabytes / seconds) * 10) / 10
}

/** Every normaliser's scan of the text, as the plugins run them. */
function scanAll(text: string): number {
  const settings = {
    maxBlankLines: 1,
    collapseSpaces: true,
    spaceBeforePunctuation: true,
    joinLines: true,
  }
  const characters = {
    form: 'NFC',
    invisible: true,
    softHyphens: true,
    noBreakSpaces: 'loose',
    ligatures: true,
    fullWidth: true,
  } as const
  return (
    findEntities(text).edits.length +
    findUtf8Mojibake(text).length +
    findCyrillicMojibake(text).length +
    findCharacterEdits(text, characters).length +
    findNormalisationEdits(text, 'NFC').length +
    findStraightEdits(text).length +
    findWhitespaceEdits(text, settings).length
  )
}

/**
 * MB/s on one line with no break at all. The scans run on 10 MB. The plugins
 * run on a parsed tree of 1 MB: parse-english itself is superlinear on such
 * input (about 15 s a MB here, growing faster than the size), which a third row
 * shows, so a 10 MB tree would time the parser, not the normalisers.
 */
export async function run(): Promise<Array<{row: string; value: number; unit: string}>> {
  const ten = singleLine(10)
  const one = singleLine(1)
  const processor = retext()
    .use(repair)
    .use(normalise)
    .use(normalisePunctuation, {policy: 'curly'}) as unknown as ReturnType<typeof retext>
  const file = new VFile(one)
  let tree: Root | undefined
  const parsing = rate(1, () => {
    tree = processor.parse(file) as Root
  })
  const transforms = rate(1, () => processor.runSync(tree as Root, file))
  return [
    {
      row: 'normalise: all normaliser scans (entities, mojibake, unicode, quotes, whitespace), 10 MB single line',
      value: rate(10, () => scanAll(ten)),
      unit: 'MB/s',
    },
    {
      row: 'normalise: repair + normalise presets (curly quotes) on a parsed tree, 1 MB single line',
      value: transforms,
      unit: 'MB/s',
    },
    {
      row: 'normalise: parse-english alone, 1 MB single line (for comparison)',
      value: parsing,
      unit: 'MB/s',
    },
  ]
}
