/**
 * Finds The Hill's hover-card blurbs in flattened text.
 *
 * A card reads `<shown name><full name><headlines…> MORE`, glued to the name it
 * belongs to: `President TrumpDonald John TrumpGeraldo Rivera on … MORE warned`.
 * The evidence used here is the text's own: the shown surname repeated at the
 * end of a 2–6 part full name (glued, or after one space), then a terminator in
 * the same paragraph: the uppercase word `MORE`, or a NewsAPI truncation marker
 * that cut the card short. No list of people is used.
 *
 * Everything here scans the text a bounded number of times (no backtracking
 * regular expressions), so it stays linear on adversarial input.
 */

import {
  fullNameEnd,
  isLetter,
  isLower,
  isNameInner,
  isUpper,
  type NameOptions,
  suffixGlue,
  wordStartOf,
} from './hill-names.js'

export interface BlurbOptions extends NameOptions {
  /** Word that closes a card. */
  readonly marker: string
  /** Longest card body (characters between the full name and the marker). */
  readonly maxBody: number
  /**
   * Longest body of a card cut by a truncation marker: NewsAPI cuts its
   * `content` field at about 200 characters, so a longer "card" is prose.
   */
  readonly maxTruncatedBody: number
}

export interface Blurb {
  /** Start of the removal (the glue point, or the space before a spaced full name). */
  start: number
  /** End of the removal (after the marker, or at the truncation ellipsis). */
  end: number
  /** The shown surname that the card repeats. */
  surname: string
  shape: 'glued' | 'spaced'
  terminator: 'marker' | 'truncation'
}

/** NewsAPI's truncation marker: `… [+2001 chars]` (also with three dots). */
export const truncationPattern = /(?:…|\.\.\.) ?\[\+\d{1,9} chars\]/g

interface Terminator {
  /** Where the body stops (the marker's start, or the truncation ellipsis). */
  at: number
  /** Where the removal ends. */
  end: number
  kind: 'marker' | 'truncation'
}

/** Every place a card may end, in order. */
function findTerminators(text: string, marker: string): Terminator[] {
  const found: Terminator[] = []
  let from = 0
  for (;;) {
    const at = text.indexOf(marker, from)
    if (at === -1) break
    from = at + 1
    const before = text[at - 1]
    const after = text[at + marker.length]
    // `MORE` alone: not inside a longer all-caps word, not followed by a letter
    // (`MORE’s` and `MORE's` end at the apostrophe, which stays), and not a
    // word of an all-caps run (`MORE THAN 100 ARRESTED`, a headline in a card).
    if (isUpper(before) || isLetter(after)) continue
    if (
      after === ' ' &&
      isUpper(text[at + marker.length + 1]) &&
      isUpper(text[at + marker.length + 2])
    )
      continue
    // The MORE Act (cannabis reform) is news in its own right.
    if (text.startsWith(' Act', at + marker.length)) continue
    found.push({at, end: at + marker.length, kind: 'marker'})
  }
  // Every marker holds `[+`; most texts have none.
  const markers = text.includes('[+') ? text.matchAll(truncationPattern) : []
  for (const match of markers) {
    found.push({at: match.index, end: match.index, kind: 'truncation'})
  }
  return found.sort((a, b) => a.at - b.at)
}

/**
 * A card's body is empty (`KellyMORE`) or starts with a headline: a capital,
 * a digit, or a quote and a capital or digit, glued or after one space; or a
 * quote glued to the name and a lowercase word (`Roe'no deal'…`) that is not a
 * possessive `'s`. Prose glued to a name by lost punctuation goes on in
 * lowercase, with a comma or with a possessive (`Joe Biden's`).
 */
const bodyStart = /^(?:$| ?(?:[\p{Lu}\p{N}]|["'“‘][\p{Lu}\p{N}])|["'“‘](?!s(?!\p{L}))\p{Ll})/u

/** Longest shown surname tried, in characters. */
const longestName = 40

type Candidate = Omit<Blurb, 'end' | 'terminator'> & {nameEnd: number}

/**
 * A glued card whose full name starts at `at`, the shown name's word running
 * from `wordStart` to `wordEnd`: each capitalised tail of that word is tried
 * as the surname (`McCainJohn Sidney McCain`: `McCain`, then `Cain`).
 */
function gluedCandidate(
  text: string,
  wordStart: number,
  wordEnd: number,
  at: number,
  options: BlurbOptions,
): Candidate | undefined {
  // Names are short: only the last 40 characters of a word are tried, so a
  // long run of letters costs a bounded amount per position.
  for (let s = Math.max(wordStart, wordEnd - longestName); s < wordEnd; s++) {
    if (!isUpper(text[s])) continue
    const surname = text.slice(s, wordEnd)
    const end = fullNameEnd(text, at, surname, options)
    if (end !== -1) return {start: at, nameEnd: end, surname, shape: 'glued'}
  }
  return undefined
}

/** Find every card in `text`, leftmost first, never overlapping. */
export function findBlurbs(text: string, options: BlurbOptions): Blurb[] {
  const terminators = findTerminators(text, options.marker)
  if (terminators.length === 0) return []
  const candidates: Candidate[] = []
  let wordStart = 0
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]
    const previous = text[i - 1]
    if (!isNameInner(previous)) wordStart = i
    if (isUpper(ch) && isLower(previous)) {
      const found = gluedCandidate(text, wordStart, i, i, options)
      if (found) candidates.push(found)
    } else if (isUpper(ch) && isLower(text[i + 1])) {
      // Glued after a suffix: `Carl Dunn Jr.Carl Victor Dunn Jr.Headline…`.
      const at = suffixGlue(text, i, options)
      const found =
        at === -1 ? undefined : gluedCandidate(text, wordStartOf(text, at), at, i, options)
      if (found) candidates.push(found)
    } else if (
      ch === ' ' &&
      isUpper(text[wordStart]) &&
      wordStart < i &&
      i - wordStart <= longestName &&
      isUpper(text[i + 1])
    ) {
      const surname = text.slice(wordStart, i)
      const end = fullNameEnd(text, i + 1, surname, options)
      if (end !== -1) candidates.push({start: i, nameEnd: end, surname, shape: 'spaced'})
    }
  }

  const blurbs: Blurb[] = []
  let t = 0
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c]
    if (!candidate) continue
    while (t < terminators.length && (terminators[t]?.at ?? 0) < candidate.nameEnd) t++
    const terminator = terminators[t]
    if (!terminator) break
    // The nearest card claims a terminator: skip this one if another starts first.
    const next = candidates[c + 1]
    if (next && next.start < terminator.at) continue
    const longest = terminator.kind === 'truncation' ? options.maxTruncatedBody : options.maxBody
    // Length first, so the body is only ever read when it is short.
    if (terminator.at - candidate.nameEnd > longest) continue
    const body = text.slice(candidate.nameEnd, terminator.at)
    if (body.includes('\n') || !bodyStart.test(body)) continue
    const previous = blurbs.at(-1)
    if (previous && candidate.start < previous.end) continue
    blurbs.push({
      start: candidate.start,
      end: terminator.end,
      surname: candidate.surname,
      shape: candidate.shape,
      terminator: terminator.kind,
    })
  }
  return blurbs
}
