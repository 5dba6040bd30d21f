/**
 * Find HTML character references left in text (`&amp;`, `&#8217;`, `&#x2014;`)
 * and what they stand for, following the HTML rules for numeric references.
 */
import {characterReferenceInvalid} from 'character-reference-invalid'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {RuleEdit} from './changes.js'

/**
 * A terminated reference. Bounded quantifiers: the longest HTML entity name is
 * 31 characters, the largest code point 7 decimal or 6 hex digits.
 */
const reference = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g
/** The rest of a reference after its `&`, anchored. */
const referenceRest = /^(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|([A-Za-z][A-Za-z0-9]{1,31}));/

/** What a reference stands for, or `undefined` when it is not one HTML knows or allows. */
function decodeReference(
  hex: string | undefined,
  decimal: string | undefined,
  name: string | undefined,
): string | undefined {
  if (name !== undefined) {
    const value = decodeNamedCharacterReference(name)
    return value === false ? undefined : value
  }
  const code = Number.parseInt(hex ?? decimal ?? '', hex === undefined ? 10 : 16)
  // NUL, surrogates and numbers past Unicode are errors: leave the text as it is.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
  // HTML reads 128-159 as windows-1252 (`&#146;` is `’`).
  return characterReferenceInvalid[code] ?? String.fromCodePoint(code)
}

/** Whether `&` followed by the text at `index` would be a decodable reference. */
function referenceAfterAmpersand(text: string, index: number): boolean {
  // A reference is at most 34 characters long.
  const match = referenceRest.exec(text.slice(index, index + 40))
  if (!match) return false
  const name = match[1]
  return name === undefined || decodeNamedCharacterReference(name) !== false
}

/** Whether `&` followed only by name characters comes right before `index`. */
function gluedToAmpersand(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 33; i--) {
    const ch = text[i] ?? ''
    if (ch === '&') return true
    if (!/[A-Za-z0-9#]/.test(ch)) return false
  }
  return false
}

/** The result of a scan: replacements, and references left alone on purpose. */
export interface EntityScan {
  edits: RuleEdit[]
  /** Spans left encoded because decoding them would make a new reference. */
  kept: Array<{start: number; end: number}>
}

/**
 * Decode each reference once. A reference is left alone when decoding it would
 * make a new one (`&amp;amp;`, `&#38;#8217;`: text that was encoded twice, or
 * a page showing HTML source): decoding that again on the next run would break
 * idempotence, and which reading is right cannot be told from the text.
 */
export function findEntities(text: string): EntityScan {
  const edits: RuleEdit[] = []
  const kept: EntityScan['kept'] = []
  for (const match of text.matchAll(reference)) {
    const start = match.index
    const end = start + match[0].length
    const decoded = decodeReference(match[1], match[2], match[3])
    if (decoded === undefined) continue
    const makesReference =
      (decoded === '&' && referenceAfterAmpersand(text, end)) ||
      (/^[A-Za-z0-9#;]$/.test(decoded) && gluedToAmpersand(text, start))
    if (makesReference) {
      kept.push({start, end})
      continue
    }
    const ruleId = match[3] === undefined ? 'numeric-reference' : 'named-reference'
    edits.push({start, end, text: decoded, ruleId})
  }
  return {edits, kept}
}

function hasAmpersand(text: string, from: number, to: number): boolean {
  const stop = Math.min(to, text.length)
  for (let index = from; index < stop; index++) if (text.charCodeAt(index) === 0x26) return true
  return false
}

/**
 * Whether replacing `[start, end)` of `text` by `replacement` would make a
 * decodable reference that was not there (`&` U+200B `amp;`, `&amp ;`).
 * Normalisers that run after decode-entities skip such edits, so that a second
 * run decodes nothing new.
 */
export function createsReference(
  text: string,
  start: number,
  end: number,
  replacement: string,
): boolean {
  const left = Math.max(0, start - 40)
  // Every reference starts with `&`: without one in reach there is none
  // (most edits, and a scan far cheaper than the expression).
  if (
    !replacement.includes('&') &&
    !hasAmpersand(text, left, start) &&
    !hasAmpersand(text, end, end + 40)
  ) {
    return false
  }
  const window = text.slice(left, start) + replacement + text.slice(end, end + 40)
  const cut = start - left
  const after = cut + replacement.length
  for (const match of window.matchAll(reference)) {
    const from = match.index
    const to = from + match[0].length
    const crosses = (from < cut && to > cut) || (from < after && to > cut)
    if (crosses && decodeReference(match[1], match[2], match[3]) !== undefined) return true
  }
  return false
}
