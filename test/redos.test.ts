/**
 * ReDoS audit. Every regular expression in `plugins/` and `pipeline/` (found by
 * parsing the sources, plus the patterns built at run time from data) has a
 * recheck verdict, and runs over generated worst-case input: candidates made
 * of the pattern's own characters and recheck's attack string, the slowest of
 * them taken to 1 MB for the hot patterns (those that run on input text), each
 * timed as a ratio to a linear scan of the same input. Patterns recheck flags
 * are listed in `reviewed` with why they are linear where they are used; those
 * that are not linear on their own get a 1 MB attack on the code that uses them.
 */
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {extractArticle} from '../pipeline/io/html.js'
import {bylineName} from '../pipeline/io/html-meta.js'
import {isBoilerplatePhrase} from '../pipeline/io/html-score.js'
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import siteRules from '../plugins/data/site-rules.json' with {type: 'json'}
import {compileRule} from '../plugins/util/boilerplate-rules.js'
import {tally} from './reliability/fuzz.js'
import {fill, scanRatio, timeOf} from './reliability/linear-scan.js'
import {
  candidates,
  loadVerdicts,
  saveVerdicts,
  type Verdict,
  verdictOf,
} from './reliability/redos-check.js'
import {collectRegexes} from './reliability/regex-sources.js'

/** `npm run fuzz` sets this: fresh recheck runs, more candidates, every pattern at 1 MB. */
const fuzzing = process.env.COPYDESK_FUZZ === '1'
const root = fileURLToPath(new URL('..', import.meta.url))
const megabyte = 1_000_000
const probeSize = fuzzing ? 64 * 1024 : 16 * 1024
const characterLimit = fuzzing ? 24 : 8
// A linear regex costs a few to a few hundred scans of its input; a quadratic
// one costs about a quarter of the input's length (4,000 at 16 KB, 250,000 at
// 1 MB). The bound sits between, with room for a busy machine.
const maxRatio = 3_000
// For the callers of guarded patterns, against the same call on benign input.
const maxSlowdown = 20

interface Entry {
  /** `file:line` for a literal, `data-file#id` for a pattern built from data. */
  readonly where: string
  readonly pattern: string
  readonly flags: string
  /** Runs on input text (plugins, readers, rules from data), so it gets 1 MB. */
  readonly hot: boolean
}

/** A flagged pattern, reviewed: why it is linear where it runs. */
interface Reviewed {
  /** The file or data rule, as in `Entry.where` up to the line. */
  readonly where: string
  readonly pattern: string
  readonly why: string
  /**
   * For a pattern not linear on its own: the code that uses it, 1 MB inputs that
   * would be quadratic for the bare pattern, and a benign input of the same size.
   */
  readonly attack?: {
    readonly run: (text: string) => unknown
    readonly hostile: readonly string[]
    readonly benign: string
  }
}

const bounded =
  'every repetition is bounded, so each start position costs at most a constant: linear'
const reviewed: Reviewed[] = [
  {
    where: 'pipeline/io/html-charset.ts',
    pattern: `<meta[^>]{0,300}?charset\\s{0,10}=\\s{0,10}["']?([\\w:.-]{1,40})`,
    why: bounded,
  },
  {where: 'pipeline/io/html.ts', pattern: '<[a-z][^>]{0,200}>', why: bounded},
  {
    where: 'pipeline/io/html-score.ts',
    pattern: '[\\s.:!?…»›>|-]+$',
    why: 'quadratic on a long run of spaces, but runs only on text of 60 characters or fewer',
    attack: {
      run: isBoilerplatePhrase,
      hostile: [`${fill(' ', megabyte)}x`, `${fill('. ', megabyte)}x`],
      benign: fill('Read more ', megabyte),
    },
  },
  {
    where: 'pipeline/io/html-meta.ts',
    pattern: '\\s*[—–|,·-]\\s*$',
    why: 'quadratic on a long run of spaces, but runs on collapsed text (never two spaces in a row)',
    attack: {
      run: bylineName,
      hostile: [`${fill(' ', megabyte)}x`, `${fill(' - ', megabyte)}x`],
      benign: fill('By Ann Lee ', megabyte),
    },
  },
  {
    where: 'pipeline/io/html-meta.ts',
    pattern: '^(.{10,}?)\\s+[|–—-]\\s+[^|–—-]{2,60}$',
    why: 'anchored, and runs on the collapsed <title>: each split point costs at most about 60 steps',
    attack: {
      run: (title) => extractArticle(`<title>${title}</title><p>Short body.</p>`),
      hostile: [`${fill('Council vote - ', megabyte)}x`, `${fill('a ', megabyte)}| x`],
      benign: fill('Councilvote', megabyte),
    },
  },
  ...['image-copyright-caption', 'wordpress-shortcode'].map((id) => ({
    where: `boilerplate.json#${id}`,
    pattern: '',
    why: `starts with a literal; ${bounded}`,
  })),
  ...['pipe-photo-credit', 'wordpress-image-residue'].map((id) => ({
    where: `boilerplate.json#${id}`,
    pattern: '',
    why: `anchored at a line start; ${bounded}`,
  })),
]

const escapeWord = (word: string): string => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')

/** Patterns built at run time, by the file that builds them. */
const dynamicSites: Record<string, () => Entry[]> = {
  'plugins/util/boilerplate-rules.ts': () =>
    registry.rules.flatMap((rule) => {
      const compiled = compileRule(rule)
      return [compiled.pattern, compiled.until, compiled.link]
        .filter((regex) => regex !== undefined)
        .map((regex) => ({
          where: `boilerplate.json#${rule.id}`,
          pattern: regex.source,
          // recheck does not take `d` (match indices), which does not change matching.
          flags: regex.flags.replace('d', ''),
          hot: true,
        }))
    }),
  // Class-name hints: an alternation of escaped words after a non-letter.
  'pipeline/io/html-blocks.ts': () =>
    [siteRules.generic.boilerplateClassWords.words, siteRules.generic.exceptClassWords.words].map(
      (words) => ({
        where: 'site-rules.json#class-words',
        pattern: `(?:^|[^a-z])(?:${words.map(escapeWord).join('|')})`,
        flags: '',
        hot: true,
      }),
    ),
  // A closing tag of one element name taken from a constant list.
  'pipeline/io/html-dom.ts': () => [
    {where: 'pipeline/io/html-dom.ts', pattern: '</script', flags: 'gi', hot: true},
  ],
}

const found = collectRegexes(root, ['plugins', 'pipeline'])
const isHot = (file: string): boolean =>
  file.startsWith('plugins/') || file.startsWith('pipeline/io/')
const entries: Entry[] = [
  ...found.flatMap((regex) =>
    regex.pattern === null
      ? []
      : [
          {
            where: `${regex.file}:${regex.line}`,
            pattern: regex.pattern,
            flags: regex.flags,
            hot: isHot(regex.file),
          },
        ],
  ),
  ...Object.values(dynamicSites).flatMap((expand) => expand()),
]

function reviewOf(entry: Entry): Reviewed | undefined {
  return reviewed.find(
    (item) =>
      (entry.where === item.where || entry.where.startsWith(`${item.where}:`)) &&
      (item.pattern === '' || item.pattern === entry.pattern),
  )
}

const recorded = loadVerdicts()
const verdicts = new Map<Entry, Verdict>()

function scanAll(regex: RegExp, text: string): void {
  regex.lastIndex = 0
  for (const match of text.matchAll(regex)) void match
}

describe('ReDoS audit (recheck)', () => {
  it('collects the expressions of every source file, and expands each dynamic one', () => {
    expect(entries.length).toBeGreaterThan(150)
    const dynamicFiles = new Set(
      found.filter((regex) => regex.pattern === null).map((regex) => regex.file),
    )
    expect([...dynamicFiles].sort()).toEqual(Object.keys(dynamicSites).sort())
  })

  it('passes every pattern, or it is reviewed as linear where it is used', () => {
    const flagged: string[] = []
    for (const entry of entries) {
      const verdict = verdictOf(entry.pattern, entry.flags, recorded, fuzzing)
      verdicts.set(entry, verdict)
      if (verdict.status !== 'safe' && !reviewOf(entry)) {
        flagged.push(`${entry.where} /${entry.pattern}/${entry.flags}: ${verdict.summary}`)
      }
    }
    tally('recheck patterns', entries.length)
    if (fuzzing) saveVerdicts([...new Set(verdicts.values())])
    expect(flagged).toEqual([])
  }, 600_000)

  it('keeps no stale review: each reviewed pattern is still in the sources', () => {
    // recheck's fuzzing may call a bounded pattern safe on one run and flagged on the next,
    // so a review stays until its pattern is gone, not until it passes.
    for (const item of reviewed) {
      expect(
        entries.some((entry) => reviewOf(entry) === item),
        `${item.where} ${item.pattern}`,
      ).toBe(true)
    }
  })
})

describe('worst-case input, as a ratio to a linear scan', () => {
  it('every pattern stays linear on its candidates (hot ones at 1 MB)', () => {
    const slow: string[] = []
    for (const entry of entries) {
      if (reviewOf(entry)?.attack) continue
      const verdict = verdicts.get(entry) ?? verdictOf(entry.pattern, entry.flags, recorded, false)
      const flags = entry.flags.includes('g') ? entry.flags : `${entry.flags}g`
      const regex = new RegExp(entry.pattern, flags.replace('y', ''))
      // The slowest candidate on a small probe is the worst case taken to 1 MB.
      let worst = {ratio: -1, text: ''}
      const inputs = candidates(entry.pattern, verdict, probeSize, characterLimit)
      tally('worst-case regex inputs', inputs.length + 1)
      for (const text of inputs) {
        const ratio = scanRatio(text, () => scanAll(regex, text), maxRatio)
        if (ratio > worst.ratio) worst = {ratio, text}
      }
      if (worst.ratio > maxRatio) {
        slow.push(`${entry.where} at ${probeSize} characters: ${Math.round(worst.ratio)} scans`)
      } else if (entry.hot || fuzzing) {
        const big = fill(worst.text, megabyte)
        const ratio = scanRatio(big, () => scanAll(regex, big), maxRatio)
        if (ratio > maxRatio) slow.push(`${entry.where} at 1 MB: ${Math.round(ratio)} scans`)
      }
    }
    expect(slow).toEqual([])
  }, 600_000)

  // The code that calls a guarded pattern, timed against the same code on benign
  // input of the same size (its own linear pass): a quadratic path would cost
  // hundreds of times more on 1 MB.
  for (const item of reviewed) {
    const attack = item.attack
    if (attack === undefined) continue
    it(`${item.where} /${item.pattern}/ where it is used, at 1 MB`, () => {
      // At least 0.5 ms: a call that returns at once would make the ratio timer noise.
      const linear = Math.max(
        0.5,
        timeOf(() => attack.run(attack.benign), 3),
      )
      for (const text of attack.hostile) {
        let ratio = timeOf(() => attack.run(text)) / linear
        if (ratio > maxSlowdown) ratio = Math.min(ratio, timeOf(() => attack.run(text)) / linear)
        expect(ratio, text.slice(0, 20)).toBeLessThan(maxSlowdown)
      }
    })
  }
})
