/**
 * Find mojibake: UTF-8 text that was decoded as windows-1252 or latin-1, and
 * windows-1251 text decoded as latin-1. One left-to-right pass; each
 * candidate is judged by the evidence table in `data/mojibake.json`.
 */
import iconv from 'iconv-lite'
import data from '../data/mojibake.json' with {type: 'json'}
import type {RuleEdit} from './changes.js'

/** Windows-1252 (or latin-1) byte of each character, for characters that have one. */
const byteOf = new Map<string, number>()
for (let byte = 0; byte < 256; byte++) byteOf.set(String.fromCharCode(byte), byte)
{
  // windows-1252 puts printable characters where latin-1 has C1 controls; the
  // five bytes it leaves undefined keep their latin-1 (C1) reading above.
  const high = iconv.decode(Buffer.from(Array.from({length: 32}, (_, i) => 0x80 + i)), 'win1252')
  for (let i = 0; i < 32; i++) {
    const ch = high[i]
    if (ch && ch !== '\uFFFD') byteOf.set(ch, 0x80 + i)
  }
}

const weak = new Set(data.weakContinuations.characters)

/** Whether `ch` has a windows-1252 (or latin-1) byte above 0x7F: mojibake material. */
export function hasCp1252HighByte(ch: string): boolean {
  return (byteOf.get(ch) ?? 0) >= 0x80
}

/**
 * Whether `text` holds a character with a windows-1252 byte above 0x7F: only
 * then can a repaired text hold mojibake again (text mis-decoded twice).
 */
export function mayHoldMojibake(text: string): boolean {
  for (const ch of text) {
    const byte = byteOf.get(ch)
    if (byte !== undefined && byte >= 0x80) return true
  }
  return false
}

/**
 * Whether `text` may hold mojibake either finder repairs: both need a
 * character in U+00C0-U+00FF (a UTF-8 lead byte read as windows-1252 is
 * U+00C2-U+00F4; a windows-1251 word read as latin-1 is made of them). Text
 * without one is most text, and is skipped with one native search.
 */
export function mayHoldRepairs(text: string): boolean {
  return /[\u00c0-\u00ff]/.test(text)
}

interface Entry {
  id: string
  evidence: string
  blocks: number[][]
}

const entries: Entry[] = data.entries

function entryFor(code: number, evidence: string): Entry | undefined {
  return entries.find(
    (entry) =>
      entry.evidence !== 'cyrillic-word' &&
      (evidence === 'any' || entry.evidence === evidence) &&
      entry.blocks.some(([low = 0, high = -1]) => code >= low && code <= high),
  )
}

/** Continuation bytes a UTF-8 lead byte needs, and the range allowed for the first one. */
function leadOf(byte: number): {count: number; low: number; high: number} | undefined {
  if (byte >= 0xc2 && byte <= 0xdf) return {count: 1, low: 0x80, high: 0xbf}
  if (byte === 0xe0) return {count: 2, low: 0xa0, high: 0xbf}
  if (byte === 0xed) return {count: 2, low: 0x80, high: 0x9f}
  if (byte >= 0xe1 && byte <= 0xef) return {count: 2, low: 0x80, high: 0xbf}
  if (byte === 0xf0) return {count: 3, low: 0x90, high: 0xbf}
  if (byte >= 0xf1 && byte <= 0xf3) return {count: 3, low: 0x80, high: 0xbf}
  if (byte === 0xf4) return {count: 3, low: 0x80, high: 0x8f}
  return undefined
}

interface Candidate {
  start: number
  end: number
  decoded: string
  code: number
  /** Holds a continuation character that real text never puts after a letter. */
  strong: boolean
}

/** The UTF-8 sequence starting at `index`, read through windows-1252, if any. */
function candidateAt(text: string, index: number): Candidate | undefined {
  const leadByte = byteOf.get(text[index] ?? '')
  if (leadByte === undefined) return undefined
  const lead = leadOf(leadByte)
  if (!lead) return undefined
  let code = leadByte & (lead.count === 1 ? 0x1f : lead.count === 2 ? 0x0f : 0x07)
  let strong = false
  for (let k = 1; k <= lead.count; k++) {
    const ch = text[index + k] ?? ''
    const byte = byteOf.get(ch)
    const low = k === 1 ? lead.low : 0x80
    const high = k === 1 ? lead.high : 0xbf
    if (byte === undefined || byte < low || byte > high) return undefined
    if (!weak.has(ch)) strong = true
    code = (code << 6) | (byte & 0x3f)
  }
  return {
    start: index,
    end: index + lead.count + 1,
    decoded: String.fromCodePoint(code),
    code,
    strong,
  }
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch)
const isLetterOrMark = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{L}\p{M}]/u.test(ch)
const caseOf = (ch: string): 'upper' | 'lower' | undefined =>
  ch !== ch.toLowerCase() ? 'upper' : ch !== ch.toUpperCase() ? 'lower' : undefined

/**
 * How a letter sequence without strong evidence sits among its neighbours.
 * `inner`: a letter follows with the repaired letter's case, and the letter
 * before, if any, is not lowercase before an uppercase one (`ESPAÃ‘A`,
 * `WÄ…sowski`). `final`: no letter follows and the letter before has the
 * same case (`siÄ™`, but also a real `AMANHÃ”`). Else `none`.
 */
function placeOf(text: string, candidate: Candidate): 'inner' | 'final' | 'none' {
  const wanted = caseOf(candidate.decoded)
  if (!wanted) return 'none'
  const before = text[candidate.start - 1]
  const after = text[candidate.end]
  const beforeCase = isLetter(before) ? caseOf(before ?? '') : undefined
  if (isLetter(after)) {
    if (caseOf(after ?? '') !== wanted) return 'none'
    return beforeCase === 'lower' && wanted === 'upper' ? 'none' : 'inner'
  }
  return beforeCase === wanted ? 'final' : 'none'
}

type Verdict = {ruleId: string; sure: boolean} | undefined

function judge(text: string, candidate: Candidate, inRun: boolean): Verdict {
  // Invisible, control and private characters are no repair: normalise-unicode
  // would remove them, and nothing shows that they were meant.
  if (/[\p{C}\p{Zl}\p{Zp}]/u.test(candidate.decoded)) return undefined
  const always = entryFor(candidate.code, 'always')
  if (always) return {ruleId: always.id, sure: true}
  const letter = entryFor(candidate.code, 'letter')
  if (!letter) return undefined
  if (candidate.strong || inRun) return {ruleId: letter.id, sure: true}
  const place = placeOf(text, candidate)
  if (place === 'none') return undefined
  return {ruleId: letter.id, sure: place === 'inner'}
}

/**
 * The edit for a repair, in normalisation form C: a repaired combining mark
 * takes the character before it along, to compose with it (`eÌ` U+0081 →
 * `é`), as normalise-unicode, which ran before, would have done.
 */
function repairOf(text: string, candidate: Candidate, ruleId: string): RuleEdit {
  if (/\p{M}/u.test(candidate.decoded) && candidate.start > 0) {
    const start = candidate.start - 1
    const composed = (text.slice(start, candidate.start) + candidate.decoded).normalize('NFC')
    return {start, end: candidate.end, text: composed, ruleId}
  }
  return {
    start: candidate.start,
    end: candidate.end,
    text: candidate.decoded.normalize('NFC'),
    ruleId,
  }
}

/**
 * UTF-8 read as windows-1252: one edit per repaired sequence. A word-final
 * sequence without strong evidence is repaired only when the same text holds
 * a sure repair too: mis-decoding happens to whole texts, not to one word.
 */
export function findUtf8Mojibake(text: string): RuleEdit[] {
  const candidates: Candidate[] = []
  let i = 0
  while (i < text.length) {
    const code = text.charCodeAt(i)
    // Only Â-ô can lead a sequence: skip everything else quickly.
    const candidate = code >= 0xc2 && code <= 0xf4 ? candidateAt(text, i) : undefined
    if (candidate) {
      candidates.push(candidate)
      i = candidate.end
    } else {
      i++
    }
  }
  const sure: RuleEdit[] = []
  const unsure: RuleEdit[] = []
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k] as Candidate
    const inRun =
      candidates[k - 1]?.end === candidate.start || candidates[k + 1]?.start === candidate.end
    const verdict = judge(text, candidate, inRun)
    if (!verdict) continue
    const edit = repairOf(text, candidate, verdict.ruleId)
    if (verdict.sure) sure.push(edit)
    else unsure.push(edit)
  }
  return sure.length > 0 ? [...sure, ...unsure].sort((a, b) => a.start - b.start) : []
}

const cyrillic = data.entries.find((entry) => entry.evidence === 'cyrillic-word')
const minLetters = cyrillic?.minLetters ?? 4
/** A run of latin-1 letters (and ×÷, which windows-1251 maps to Ч and ч). */
const latin1Word = /[\u00c0-\u00ff]+/g

/** Windows-1251 read as latin-1: whole words of accented letters. */
export function findCyrillicMojibake(text: string): RuleEdit[] {
  if (!cyrillic) return []
  const edits: RuleEdit[] = []
  for (const match of text.matchAll(latin1Word)) {
    const word = match[0]
    const start = match.index
    const end = start + word.length
    // A word, not the inside of one: no letter or mark glued on either side
    // (a mark too: NFC may split a letter before it into letter and mark).
    if (isLetterOrMark(text[start - 1]) || isLetterOrMark(text[end])) continue
    if (word.length < minLetters || word.replace(/[×÷]/g, '').length < 2) continue
    edits.push({
      start,
      end,
      text: iconv.decode(Buffer.from(word, 'latin1'), 'win1251'),
      ruleId: cyrillic.id,
    })
  }
  return edits
}

/**
 * Whether replacing `[start, end)` of `text` by `replacement` would make a
 * UTF-8-through-windows-1252 sequence that was not there (`Ã` + removed
 * U+200B + `©`, or `â€` + `...` curled into `…`). Normalisers that run after
 * repair-mojibake skip such edits, so that a second run finds nothing new.
 */
export function createsMojibake(
  text: string,
  start: number,
  end: number,
  replacement: string,
): boolean {
  const left = Math.max(0, start - 3)
  const window = text.slice(left, start) + replacement + text.slice(end, end + 3)
  const cut = start - left
  const after = cut + replacement.length
  if (/[\u00c0-\u00ff]/.test(replacement) && makesCyrillicWord(text, start, end, replacement)) {
    return true
  }
  for (let i = 0; i < Math.max(after, cut + 1) && i < window.length; i++) {
    const candidate = candidateAt(window, i)
    if (!candidate) continue
    const crossesCut = candidate.start < cut && candidate.end > cut
    const touchesReplacement = candidate.start < after && candidate.end > cut
    if (crossesCut || touchesReplacement) return true
  }
  return false
}

/**
 * Whether the replacement puts latin-1 letters into a run that the
 * windows-1251 rule would read as a Cyrillic word. Looks at most 8 characters
 * to each side: a longer run counts as one, to stay linear.
 */
function makesCyrillicWord(text: string, start: number, end: number, replacement: string): boolean {
  const inRange = (ch: string | undefined): boolean =>
    ch !== undefined && ch >= '\u00c0' && ch <= '\u00ff'
  let before = start
  while (before > 0 && start - before < 8 && inRange(text[before - 1])) before--
  let after = end
  while (after < text.length && after - end < 8 && inRange(text[after])) after++
  const word = text.slice(before, start) + replacement + text.slice(end, after)
  return findCyrillicMojibake(` ${word} `).length > 0 || start - before >= 8 || after - end >= 8
}
