/**
 * The V8 settings the `copydesk` process runs with (pipeline/commands/engine.ts)
 * change how it compiles and collects, never what it computes: the same
 * records with the short-run settings as with V8's defaults, and the bundled
 * command (dist/, built by `pretest`) gives the library's text on both sides
 * of the short-run threshold.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {expectLongRun, expectShortRun, shortInputBytes} from '../pipeline/commands/engine.js'
import {clean} from '../pipeline/index.js'

const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))

const paragraphs = [
  'Rep. Tomas VeyTomas Arlen VeyHouse panel backs port funding MORE (D-Maine) said on Monday ' +
    'that the harbour bill would come to a vote before the August recess.',
  'Advertisement',
  'The Portland Harbor Commission asked for $40 million to dredge the north channel, ' +
    'which silted up after two winters of storms. “We cannot wait another season,” its chair said.',
  'Photo: Lena Ortiz/AFP via Getty Images',
  'Ferry operators, fishing crews and the state port authority have pressed for the work since ' +
    '2021, when a cargo ship ran aground near the breakwater.',
]

/** About `bytes` of article text: the paragraphs, numbered so no two repeats are alike. */
function articleOf(bytes: number): string {
  const parts: string[] = []
  let length = 0
  for (let round = 1; length < bytes; round++) {
    for (const paragraph of paragraphs) {
      const part = `${paragraph} (Part ${round}.)`
      parts.push(part)
      length += Buffer.byteLength(part) + 2
    }
  }
  return `${parts.join('\n\n')}\n`
}

function run(input: string) {
  return spawnSync(process.execPath, [cli, 'clean'], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  })
}

describe('the short-run settings', () => {
  it('give the same records as V8’s defaults', () => {
    const text = articleOf(8 * 1024)
    const before = clean(text, {id: 'harbour'})
    try {
      expectShortRun()
      const during = clean(text, {id: 'harbour'})
      expect(during).toEqual(before)
    } finally {
      expectLongRun()
    }
    expect(before.removed.length).toBeGreaterThan(0)
  })

  it('leave the command’s text as the library’s, below and above the threshold', () => {
    for (const bytes of [4 * 1024, shortInputBytes + 4 * 1024]) {
      const text = articleOf(bytes)
      const result = run(text)
      expect(result.status).toBe(0)
      expect(result.stdout).toBe(`${clean(text).text}\n`)
      expect(result.stdout).not.toContain('MORE (D-Maine)')
    }
  }, 60_000)
})
