/**
 * Speed of the normalisers on bad input: one 10 MB line (no line break at
 * all) of news-like text written for copydesk, with mojibake, entities,
 * invisible characters, stray spaces and straight quotes sprinkled in.
 * Collected by `npm run bench`.
 */
import {performance} from 'node:perf_hooks'
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {normalise, repair} from '../pipeline/presets.js'
import normalisePunctuation from '../plugins/normalise-punctuation.js'

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

function megabytesPerSecond(
  processor: ReturnType<typeof retext>,
  text: string,
  parse: boolean,
): number {
  const file = new VFile(text)
  const tree = processor.parse(file) as Root
  const started = performance.now()
  if (parse) processor.runSync(processor.parse(new VFile(text)) as Root, new VFile(text))
  else processor.runSync(tree, file)
  const seconds = (performance.now() - started) / 1000
  return Math.round((text.length / 1_000_000 / seconds) * 10) / 10
}

/** MB/s of the repair and normalise presets on a 10 MB single line, with and without parsing. */
export async function run(): Promise<Array<{row: string; value: number; unit: string}>> {
  const text = singleLine(10)
  const processor = retext()
    .use(repair)
    .use(normalise)
    .use(normalisePunctuation, {policy: 'curly'}) as unknown as ReturnType<typeof retext>
  return [
    {
      row: 'normalise: repair + normalise presets (curly quotes), 10 MB single line, tree given',
      value: megabytesPerSecond(processor, text, false),
      unit: 'MB/s',
    },
    {
      row: 'normalise: parse + repair + normalise presets (curly quotes), 10 MB single line',
      value: megabytesPerSecond(processor, text, true),
      unit: 'MB/s',
    },
  ]
}
