/**
 * Character-level findings of `normalise-unicode`: invisible and control
 * characters, soft hyphens, lone surrogates, stray no-break spaces, Latin
 * ligatures and full-width letters. One pass over UTF-16 code units.
 */
import data from '../data/unicode-characters.json' with {type: 'json'}
import type {RuleEdit} from './changes.js'
import {hasCp1252HighByte} from './mojibake.js'

export interface CharacterOptions {
  /** The normalisation form that runs after this pass, if any. */
  form: 'NFC' | 'NFKC' | false
  invisible: boolean
  softHyphens: boolean
  noBreakSpaces: 'keep' | 'loose' | 'all'
  ligatures: boolean
  fullWidth: boolean
}

const zeroWidth = new Set(data.zeroWidth.characters)
const joiners = new Set(data.joiners.characters)
const ligatures = new Map(Object.entries(data.ligatures.map))

/**
 * C0 controls and DEL, except tab, line feed and carriage return. C1 controls
 * (U+0080-U+009F) stay: they are what latin-1 makes of UTF-8 bytes, and
 * repair-mojibake, which runs next, needs them (`â€` U+009D is `”`).
 */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f
}

/** Characters this pass removes wherever they are. */
function isRemovable(ch: string, options: CharacterOptions): boolean {
  const code = ch.charCodeAt(0)
  if (options.softHyphens && code === 0xad) return true
  return options.invisible && (zeroWidth.has(ch) || isControl(code))
}

const isSpace = (ch: string | undefined): boolean =>
  ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0'

const combiningMark = /^\p{M}$/u

/** Letters, marks and emoji: what a joiner joins. */
const joinable = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u

/**
 * Whether `ch` stays a non-ASCII letter, mark or emoji after this pass and the
 * normalisation after it (`ﬁ` becomes `fi`, `Ｋ` and the Kelvin sign `K`).
 */
function staysJoinable(ch: string, options: CharacterOptions): boolean {
  // Mojibake material (`™`, `Ã`) may be repaired into something else after
  // this pass; a joiner next to it is judged by its other neighbour.
  if (hasCp1252HighByte(ch)) return false
  let folded = options.ligatures ? (ligatures.get(ch) ?? ch) : ch
  const code = folded.codePointAt(0) ?? 0
  if (options.fullWidth && isFullWidthAlphanumeric(code)) return false
  if (options.form) folded = folded.normalize(options.form)
  return [...folded].every((unit) => (unit.codePointAt(0) ?? 0) > 0x7f && joinable.test(unit))
}

/** The code point ending at `index` (inclusive), reading a surrogate pair as one. */
function codePointBefore(text: string, index: number): string | undefined {
  const low = text.charCodeAt(index)
  const high = text.charCodeAt(index - 1)
  if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) {
    return text.slice(index - 1, index + 1)
  }
  return text[index]
}

/** The code point starting at `index`. */
function codePointAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index)
  return code === undefined ? undefined : String.fromCodePoint(code)
}

/**
 * A joiner (ZWJ, ZWNJ) is kept between two visible characters when one of
 * them is a non-ASCII letter, mark or emoji that stays one: emoji sequences
 * (👩‍💻) and Arabic, Persian and Indic spelling need it. Next to a space, at
 * an edge, inside ASCII or next to punctuation it is debris. Neighbours that
 * this pass removes are looked through, and neighbours judged as they will
 * be after it, so a second run decides the same.
 */
function joinerIsMeant(
  text: string,
  index: number,
  options: CharacterOptions,
): {meant: boolean; runEnd: number} {
  const skip = (ch: string): boolean => joiners.has(ch) || isRemovable(ch, options)
  let before = index - 1
  while (before >= 0 && skip(text[before] ?? '')) before--
  let after = index + 1
  while (after < text.length && skip(text[after] ?? '')) after++
  const right = codePointAt(text, after)
  let left = before >= 0 ? codePointBefore(text, before) : undefined
  // A combining mark is judged with its base letter as NFC will compose them
  // (`A` + U+0300 becomes `À`), so a second run, which sees `À`, decides the same.
  if (left !== undefined && combiningMark.test(left)) {
    let base = before - left.length + 1
    while (base > 0 && combiningMark.test(codePointBefore(text, base - 1) ?? '')) {
      base -= codePointBefore(text, base - 1)?.length ?? 1
    }
    if (base > 0) {
      const baseChar = codePointBefore(text, base - 1) ?? ''
      const composed = text.slice(base - baseChar.length, before + 1).normalize('NFC')
      if ([...composed].length === 1) left = composed
    }
  }
  const meant =
    !isSpace(left) &&
    !isSpace(right) &&
    left !== undefined &&
    right !== undefined &&
    !isLoneSurrogate(text, before) &&
    !isLoneSurrogate(text, after) &&
    (staysJoinable(left, options) || staysJoinable(right, options))
  // Every joiner up to `after` has the same neighbours: decide them once.
  return {meant, runEnd: after}
}

function isLoneSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1)
    return !(next >= 0xdc00 && next <= 0xdfff)
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(index - 1)
    return !(previous >= 0xd800 && previous <= 0xdbff)
  }
  return false
}

/** Index of the first character at or after `from` that `pattern` (global, one character) finds, or the text's length. */
function nextOf(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from
  return pattern.test(text) ? pattern.lastIndex - 1 : text.length
}

/** One edit per character to remove or replace, in text order. */
export function findCharacterEdits(text: string, options: CharacterOptions): RuleEdit[] {
  const edits: RuleEdit[] = []
  const edit = (index: number, replacement: string, ruleId: string): void => {
    edits.push({start: index, end: index + 1, text: replacement, ruleId})
  }
  let joinerRun = {meant: false, runEnd: -1}
  // Printable ASCII, tab and line breaks are most of any text, and need
  // nothing: a native search jumps over them.
  const notPlain = /[^\x20-\x7e\t\n\r]/g
  for (let i = nextOf(notPlain, text, 0); i < text.length; i = nextOf(notPlain, text, i + 1)) {
    const code = text.charCodeAt(i)
    const ch = text[i] ?? ''
    if (code >= 0xd800 && code <= 0xdfff) {
      if (isLoneSurrogate(text, i)) edit(i, '\uFFFD', 'lone-surrogate')
    } else if (code === 0xad) {
      if (options.softHyphens) edit(i, '', 'soft-hyphen')
    } else if (isControl(code)) {
      if (options.invisible) edit(i, '', 'control-character')
    } else if (zeroWidth.has(ch)) {
      if (options.invisible) edit(i, '', 'zero-width')
    } else if (joiners.has(ch)) {
      if (i >= joinerRun.runEnd) joinerRun = joinerIsMeant(text, i, options)
      if (options.invisible && !joinerRun.meant) edit(i, '', 'zero-width')
    } else if (code === 0xa0) {
      const loose =
        options.noBreakSpaces === 'all' ||
        (options.noBreakSpaces === 'loose' && (isSpace(text[i - 1]) || isSpace(text[i + 1])))
      if (loose) edit(i, ' ', 'no-break-space')
    } else if (options.ligatures && ligatures.has(ch)) {
      edit(i, ligatures.get(ch) ?? ch, 'ligature')
    } else if (options.fullWidth && isFullWidthAlphanumeric(code)) {
      edit(i, String.fromCharCode(code - 0xfee0), 'full-width')
    }
  }
  return edits
}

/** Full-width digits and Latin letters; full-width punctuation belongs to CJK text and stays. */
function isFullWidthAlphanumeric(code: number): boolean {
  return (
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  )
}

/**
 * Runs where Unicode normalisation changes the text. Only non-ASCII characters
 * change, and they compose at most with the one character before them, so
 * each run is an optional character and the non-ASCII characters after it.
 */
export function findNormalisationEdits(text: string, form: 'NFC' | 'NFKC'): RuleEdit[] {
  const edits: RuleEdit[] = []
  const ruleId = form.toLowerCase()
  // Only non-ASCII characters change: a native search finds them.
  const nonAscii = /[^\0-\x7f]/g
  let i = nextOf(nonAscii, text, 0)
  while (i < text.length) {
    if (text.charCodeAt(i) < 0x80) {
      i = nextOf(nonAscii, text, i + 1)
      continue
    }
    let end = i
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++
    // The character before the run may compose with the run's first mark.
    const from = i > 0 ? i - 1 : i
    i = end
    const run = text.slice(from, end)
    const normal = run.normalize(form)
    if (normal === run) continue
    // Keep the edit as small as the difference.
    let head = 0
    while (head < run.length && head < normal.length && run[head] === normal[head]) head++
    let tail = 0
    while (
      tail < run.length - head &&
      tail < normal.length - head &&
      run[run.length - 1 - tail] === normal[normal.length - 1 - tail]
    ) {
      tail++
    }
    edits.push({
      start: from + head,
      end: from + run.length - tail,
      text: normal.slice(head, normal.length - tail),
      ruleId,
    })
  }
  return edits
}
