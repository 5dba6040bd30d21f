/**
 * Syllables of figures, read aloud. Flesch ("A New Readability Yardstick",
 * Journal of Applied Psychology 32(3), 1948, p. 225) counts a figure as one
 * word and its syllables "as they are normally read aloud": `1918` is
 * "nineteen eighteen" (4), `$19.82` adds "dollars". The rules here:
 *
 * - integers in American reading, without "and": `2,500` "two thousand five
 *   hundred" (6);
 * - four-digit years 1100–1999 and 2010–2099 in pairs: `1987` "nineteen
 *   eighty-seven" (5), `2019` "twenty nineteen" (4); 2000–2009 as "two
 *   thousand five" (4); a round hundred as "nineteen hundred" (4);
 * - decimals: the integer, "point", then each digit: `5.93` (4);
 * - ordinals: `1st` "first" (1), `20th` "twentieth" (3);
 * - decades: `1990s` "nineteen nineties" (4).
 *
 * Currency and percent signs are separate tokens; `symbolSyllables` gives
 * what they add.
 */

// Syllables of the number names, from the CMU Pronouncing Dictionary.
const units = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1] // zero … nine
const teens = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2] // ten … nineteen
const tens = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2] // -, -, twenty … ninety
const scales = [0, 2, 2, 2, 2, 2] // -, thousand, million, billion, trillion, quadrillion
const hundred = 2
const point = 1

/** Syllables of 0 ≤ n < 100 read as a number name. */
function belowHundred(n: number): number {
  if (n < 10) return units[n] ?? 0
  if (n < 20) return teens[n - 10] ?? 0
  const unit = n % 10
  return (tens[Math.floor(n / 10)] ?? 0) + (unit === 0 ? 0 : (units[unit] ?? 0))
}

/** Syllables of 0 < n < 1000, "and"-less. */
function belowThousand(n: number): number {
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  return (hundreds > 0 ? (units[hundreds] ?? 0) + hundred : 0) + (rest > 0 ? belowHundred(rest) : 0)
}

/** Syllables of an integer written as digits (any length, read in groups of three). */
function integerSyllables(digits: string): number {
  const trimmed = digits.replace(/^0+(?=\d)/, '')
  if (trimmed === '0') return units[0] ?? 2
  // Beyond the named scales, read digit by digit (serial numbers, phone numbers).
  if (trimmed.length > 18) return digitByDigit(trimmed)
  let total = 0
  let scale = 0
  for (let end = trimmed.length; end > 0; end -= 3, scale++) {
    const group = Number(trimmed.slice(Math.max(0, end - 3), end))
    if (group > 0) total += belowThousand(group) + (scales[scale] ?? 0)
  }
  return total
}

function digitByDigit(digits: string): number {
  let total = 0
  for (const digit of digits) total += units[Number(digit)] ?? 0
  return total
}

/** A four-digit year read in pairs, or `undefined` when it is not read that way. */
function yearSyllables(year: number): number | undefined {
  if (year < 1100 || year > 2099) return undefined
  if (year >= 2000 && year <= 2009) return integerSyllables(String(year))
  const high = Math.floor(year / 100)
  const low = year % 100
  if (low === 0) return belowHundred(high) + hundred
  // 1905 "nineteen oh five": "oh" is one syllable.
  return belowHundred(high) + (low < 10 ? 1 + (units[low] ?? 0) : belowHundred(low))
}

/**
 * Syllables of a figure token (`1918`, `2,500`, `5.93`, `21st`, `1990s`), or
 * `undefined` when the token is not a figure.
 */
export function numberSyllables(token: string): number | undefined {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(st|nd|rd|th|s|'s)?$/.exec(token)
  if (!match) return undefined
  const whole = (match[1] ?? '').replace(/,/g, '')
  const fraction = match[2]
  const ending = match[3]
  const isYear = whole.length === 4 && fraction === undefined && !match[1]?.includes(',')
  let total = (isYear ? yearSyllables(Number(whole)) : undefined) ?? integerSyllables(whole)
  if (fraction !== undefined) total += point + digitByDigit(fraction)
  // "twentieth" has one more syllable than "twenty"; "second" one more than "two".
  if (ending === 'nd' || (ending === 'th' && /[2-9]0$/.test(whole))) total++
  return total
}

/** Syllables a currency or percent sign adds to the figure beside it (`$` "dollars"). */
export function symbolSyllables(symbol: string): number {
  switch (symbol) {
    case '$':
    case '%':
    case '€':
      return 2
    case '£':
      return 1
    default:
      return 0
  }
}
