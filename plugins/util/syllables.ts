/**
 * Syllable counts for the readability formulas.
 *
 * Order of evidence, most trusted first:
 * 1. the CMU Pronouncing Dictionary (`cmu-pronouncing-dictionary`): the number
 *    of vowel phonemes (phonemes carrying a stress digit) of the first
 *    pronunciation, read from the compact table of util/syllable-table.ts;
 * 2. numbers, read aloud the way Flesch counted them (see `numberSyllables`);
 * 3. hyphenated and slashed compounds: the sum of their parts;
 * 4. an unknown word made of a dictionary word and a known suffix or prefix
 *    (`Russianized`, `unreported`): the dictionary stem plus the affix;
 * 5. a vowel-group heuristic with English spelling corrections (`guessSyllables`).
 */
import affixes from '../data/syllable-affixes.json' with {type: 'json'}
import {loadSyllableTable, type SyllableTable} from './syllable-table.js'
import {numberSyllables} from './syllables-numbers.js'
import {unshared} from './unshared.js'

/** Where `npm run build` writes the CMU counts (scripts/build-syllable-table.ts). */
export const syllableTableUrl = new URL('../data/cmu-syllables.bin', import.meta.url)

// Read on the first lookup, not at import: a run without scores, or a command
// that never counts syllables, never pays for it.
let table: SyllableTable | undefined

/** The CMU count of a lower-case word, or `undefined` when it is not listed. */
export function dictionarySyllables(lower: string): number | undefined {
  table ??= loadSyllableTable(syllableTableUrl)
  return table.lookup(lower)
}

interface Affix {
  readonly text: string
  readonly syllables: number
}

// Longest first, so the most specific affix wins (`-ists` before `-s`).
const byLength = (a: Affix, b: Affix): number => b.text.length - a.text.length
const suffixes: readonly Affix[] = [...affixes.suffixes.entries].sort(byLength)
const prefixes: readonly Affix[] = [...affixes.prefixes.entries].sort(byLength)

// A memo of finished counts. Bounded, and emptied when full, so a long batch of
// rare names cannot grow it without limit; a count never depends on it.
const cacheLimit = 100_000
const cache = new Map<string, number>()

/**
 * Syllables in one word as it would be read aloud: `1` for `"the"`, `3` for
 * `"Russia's"`... Words with no letter or digit count `0`.
 */
export function countSyllables(word: string): number {
  const cached = cache.get(word)
  if (cached !== undefined) return cached
  const count = uncachedSyllables(word)
  if (cache.size >= cacheLimit) cache.clear()
  cache.set(unshared(word), count)
  return count
}

function uncachedSyllables(word: string): number {
  const lower = word.toLowerCase().replace(/’/g, "'")
  const listed = dictionarySyllables(lower)
  if (listed !== undefined) return listed
  const number = numberSyllables(lower)
  if (number !== undefined) return number
  // Compounds: each part as a word of its own (`well-known`, `AFL/CIO`).
  if (/[-/–]/.test(lower)) {
    let total = 0
    for (const part of lower.split(/[-/–]+/)) if (part !== '') total += countSyllables(part)
    return total
  }
  // Possessives and contractions the dictionary lacks: `Mueller's`, `Trump'll`.
  const apostrophe = lower.lastIndexOf("'")
  if (apostrophe > 0) {
    const stem = lower.slice(0, apostrophe)
    const tail = lower.slice(apostrophe + 1)
    const base = countSyllables(stem)
    // `'s` after a sibilant is a syllable of its own (`Congress's`).
    if (tail === 's' && /(?:s|z|x|ch|sh|ce|ge)$/.test(stem)) return base + 1
    return base
  }
  // Dotted abbreviations not in the dictionary are spelled out letter by letter.
  if (lower.includes('.')) {
    const letters = lower.replace(/[^a-z]/g, '')
    if (letters.length <= 4) return spelledOut(letters)
    return guessSyllables(letters)
  }
  const letters = lower.replace(/[^\p{L}\p{N}]/gu, '')
  if (letters === '') return 0
  if (letters !== lower) return countSyllables(letters)
  return fallbackSyllables(letters)
}

/**
 * The count for a lower-case word without its own dictionary entry: a
 * dictionary stem and an affix, else the spelling heuristic. Exported so the
 * evaluation can measure it on dictionary words held out.
 */
export function fallbackSyllables(lower: string): number {
  return affixedSyllables(lower) ?? guessSyllables(lower)
}

/** Letters read one by one: `W` is "double-u" (3), every other letter 1. */
function spelledOut(letters: string): number {
  let count = 0
  for (const letter of letters) count += letter === 'w' ? 3 : 1
  return count
}

/** A dictionary word plus a known suffix or prefix, or `undefined`. */
function affixedSyllables(lower: string): number | undefined {
  for (const suffix of suffixes) {
    if (lower.length - suffix.text.length < 3 || !lower.endsWith(suffix.text)) continue
    const stem = lower.slice(0, -suffix.text.length)
    const base = dictionarySyllables(stem) ?? dictionarySyllables(`${stem}e`)
    if (base !== undefined) return base + suffixSyllables(suffix, stem)
  }
  for (const prefix of prefixes) {
    if (lower.length - prefix.text.length < 3 || !lower.startsWith(prefix.text)) continue
    const base = dictionarySyllables(lower.slice(prefix.text.length))
    if (base !== undefined) return base + prefix.syllables
  }
  return undefined
}

// `-ed` is a syllable only after t or d (`wanted` but `filed`); `-es` only
// after a sibilant (`boxes` but `tapes`).
function suffixSyllables(suffix: Affix, stem: string): number {
  if (suffix.text === 'ed') return /[td]$/.test(stem) ? 1 : 0
  if (suffix.text === 'es') return /(?:s|z|x|ch|sh)$/.test(stem) ? 1 : 0
  return suffix.syllables
}

/**
 * Syllables of a word no dictionary knows, from its spelling: one per group of
 * vowels, then the corrections English spelling needs (silent final `e`,
 * `-le` after a consonant, `-ed` after anything but t or d, vowel pairs read as
 * two syllables).
 */
export function guessSyllables(lower: string): number {
  const word = lower.replace(/[^a-z]/g, '')
  if (word === '') return lower === '' ? 0 : 1
  let count = 0
  let previousVowel = false
  for (let index = 0; index < word.length; index++) {
    const vowel = isVowel(word, index)
    if (vowel && !previousVowel) count++
    previousVowel = vowel
  }
  count -= silentEndings(word)
  count += splitVowelPairs(word)
  return Math.max(1, count)
}

function isVowel(word: string, index: number): boolean {
  const letter = word[index]
  if (letter === 'y') return index > 0 && !'aeiou'.includes(word[index - 1] ?? '')
  return letter !== undefined && 'aeiou'.includes(letter)
}

const hasVowel = /[aeiouy]/

// Each test looks at a fixed-length ending, then for a vowel before it: no
// pattern here can backtrack over a long word.
function silentEndings(word: string): number {
  // Final `-e` is silent (`gate`), except in `-le` after a consonant (`table`).
  if (/[^aeiouy]e$/.test(word) && !/[^aeiouy]le$/.test(word) && hasVowel.test(word.slice(0, -2)))
    return 1
  // `-ed` is silent except after t or d (`based`, but `wanted`).
  if (/[^aeiouytd]ed$/.test(word) && hasVowel.test(word.slice(0, -3))) return 1
  // `-es` is silent except after a sibilant (`tapes`, but `prices`, `boxes`).
  if (/[^aeiouyszxcgh]es$/.test(word) && !/[^aeiouy]les$/.test(word)) {
    if (hasVowel.test(word.slice(0, -3))) return 1
  }
  // A silent `e` before a suffix (`likely`, `statement`).
  const suffix = /[^aeiouy]e(?:ly|ments?|ful|ness|less)$/.exec(word)
  if (suffix && hasVowel.test(word.slice(0, suffix.index + 1))) return 1
  return 0
}

// Vowel pairs that are mostly two syllables in English spelling: `ia` in
// `Syria`, `eo` in `video`, `ua` in `actual`, `io` in `radio` (but not in
// `-tion`, `-cial`, `-gion`), a vowel before `-ing` (`going`) and `-ier`
// (`earlier`).
function splitVowelPairs(word: string): number {
  let extra = 0
  for (const match of word.matchAll(/ia|eo|ua|uo|iu|ii|io/g)) {
    const at = match.index
    const before = word[at - 1] ?? ''
    const pair = match[0]
    if ((pair === 'io' || pair === 'ia' || pair === 'iu') && 'tscgx'.includes(before) && at > 0)
      continue
    if (pair === 'ua' && (before === 'q' || before === 'g')) continue
    if (pair === 'eo' && before === 'p') continue
    extra++
  }
  if (/[aeiouy]ing$/.test(word)) extra++
  if (/[^aeiou]ie(?:r|st|rs)$/.test(word) && word.length > 5) extra++
  return extra
}
