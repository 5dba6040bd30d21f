/**
 * recheck verdicts, and worst-case inputs for a pattern. recheck's fuzzing
 * checker takes seconds on the long boilerplate patterns, too slow to run on
 * all ~160 patterns in every `npm test`, so its verdicts are kept in
 * `redos-verdicts.json`, keyed by the exact pattern, flags and recheck
 * version. `npm run fuzz` rechecks every pattern and rewrites the file; in
 * `npm test` a pattern without a verdict (new or changed) is checked on the spot.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {checkSync, type Diagnostics} from 'recheck'
import {fill} from './linear-scan.js'

/** What recheck said of one pattern. */
export interface Verdict {
  readonly pattern: string
  readonly flags: string
  readonly status: 'safe' | 'vulnerable' | 'unknown'
  /** Complexity summary (`linear`, `2nd degree polynomial (fuzz)`…), or the error of an unknown. */
  readonly summary: string
  /** recheck's attack, when it found one: a prefix, a part to repeat, a suffix. */
  readonly attack?: {readonly prefix: string; readonly pump: string; readonly suffix: string}
}

interface VerdictFile {
  description: string
  source: string
  recheck: string
  verdicts: Verdict[]
}

const verdictPath = new URL('./redos-verdicts.json', import.meta.url)
const recheckVersion: string = createRequire(import.meta.url)('recheck/package.json').version

const keyOf = (pattern: string, flags: string): string => `${flags}/${pattern}`

/** Recorded verdicts for this recheck version. */
export function loadVerdicts(): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>()
  if (!existsSync(verdictPath)) return verdicts
  const file = JSON.parse(readFileSync(verdictPath, 'utf8')) as VerdictFile
  if (file.recheck !== recheckVersion) return verdicts
  for (const verdict of file.verdicts) verdicts.set(keyOf(verdict.pattern, verdict.flags), verdict)
  return verdicts
}

/** Write the verdicts of a full check (sorted, so the file diffs well). */
export function saveVerdicts(verdicts: readonly Verdict[]): void {
  const file: VerdictFile = {
    description:
      'recheck verdicts for every regular expression in plugins/ and pipeline/ (and the patterns built from data); written by `npm run fuzz`, read by test/redos.test.ts',
    source: 'recheck (npm), run on the patterns collected by test/reliability/regex-sources.ts',
    recheck: recheckVersion,
    verdicts: [...verdicts].sort((a, b) =>
      keyOf(a.pattern, a.flags) < keyOf(b.pattern, b.flags) ? -1 : 1,
    ),
  }
  writeFileSync(verdictPath, `${JSON.stringify(file, null, 2)}\n`)
}

// Keyed by the pattern and flags as given: recheck's own `source` may be written differently.
function toVerdict(pattern: string, flags: string, result: Diagnostics): Verdict {
  const base = {pattern, flags}
  if (result.status === 'unknown') {
    return {...base, status: 'unknown', summary: result.error.kind}
  }
  if (result.status === 'safe') return {...base, status: 'safe', summary: result.complexity.summary}
  const [first] = result.attack.pumps
  return {
    ...base,
    status: 'vulnerable',
    summary: result.complexity.summary,
    ...(first === undefined
      ? {}
      : {attack: {prefix: first.prefix, pump: first.pump, suffix: result.attack.suffix}}),
  }
}

/** recheck's verdict on a pattern: recorded when there is one (unless `fresh`), else checked now. */
export function verdictOf(
  pattern: string,
  flags: string,
  recorded: ReadonlyMap<string, Verdict>,
  fresh: boolean,
): Verdict {
  const known = fresh ? undefined : recorded.get(keyOf(pattern, flags))
  return (
    known ?? toVerdict(pattern, flags, checkSync(pattern, flags, {timeout: 60_000, randomSeed: 0}))
  )
}

/** Characters a pattern mentions, as text: its literals, and a sample for each class escape. */
export function charactersOf(pattern: string, limit: number): string[] {
  const samples: Record<string, string> = {
    s: ' ',
    d: '7',
    w: 'a',
    n: '\n',
    t: '\t',
    r: '\r',
    p: 'é',
  }
  const found = new Set<string>()
  for (let index = 0; index < pattern.length && found.size < limit; index++) {
    const character = pattern[index] as string
    if (character === '\\') {
      const next = pattern[++index] ?? ''
      const hex = pattern.slice(index + 1, index + 5)
      const sample = samples[next.toLowerCase()]
      if (sample !== undefined) found.add(sample)
      else if (next === 'u' && /^[0-9a-f]{4}$/i.test(hex)) {
        found.add(String.fromCharCode(Number.parseInt(hex, 16)))
        index += 4
      } else if (!'bBk'.includes(next)) found.add(next)
    } else if (character === '.') found.add('x')
    else if (!'()[]{}|^$*+?,:=!<'.includes(character)) found.add(character)
  }
  return [...found]
}

/** Candidate worst-case inputs of `size` for a pattern: its own characters, and recheck's attack. */
export function candidates(
  pattern: string,
  verdict: Verdict,
  size: number,
  limit: number,
): string[] {
  const characters = charactersOf(pattern, limit)
  const units = [...characters, characters.join(''), `${characters.join(' ')} `, 'Aa ', ' \n']
  const inputs = units.filter((unit) => unit !== '').map((unit) => fill(unit, size))
  const attack = verdict.attack
  if (attack && attack.pump !== '') {
    const room = size - attack.prefix.length - attack.suffix.length
    inputs.push(
      attack.prefix + fill(attack.pump, Math.max(room, attack.pump.length)) + attack.suffix,
    )
  }
  return inputs
}
