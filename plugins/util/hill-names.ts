/**
 * Full names as The Hill's hover cards spell them, read straight off the text
 * with bounded scans (no backtracking regular expressions): given names,
 * initials, nicknames in parentheses, particles, the surname and a suffix.
 */

/** What a full name may hold. */
export interface NameOptions {
  /** Most parts in a full name (given names, initials, nicknames, surname). */
  readonly maxNameParts: number
  /** Suffixes that may follow the surname in a full name. */
  readonly suffixes: readonly string[]
  /** Lowercase particles that may be parts of a full name (`de`, `van`). */
  readonly particles: readonly string[]
}

const upper = /\p{Lu}/u
const lower = /\p{Ll}/u
const letter = /\p{L}/u

export const isUpper = (ch: string | undefined): boolean => ch !== undefined && upper.test(ch)
export const isLower = (ch: string | undefined): boolean => ch !== undefined && lower.test(ch)
export const isLetter = (ch: string | undefined): boolean => ch !== undefined && letter.test(ch)
export const isNameInner = (ch: string | undefined): boolean =>
  isLetter(ch) || ch === '-' || ch === "'" || ch === '’'

/**
 * Where a full name that ends in `surname` starting at `at` ends, or -1.
 * Parts are words, initials (`H.`, `H.W.`) and nicknames in parentheses,
 * separated by single spaces; the surname must not run on into a lowercase
 * letter (a glued headline starts with a capital or a quote).
 */
export function fullNameEnd(
  text: string,
  at: number,
  surname: string,
  options: NameOptions,
): number {
  let k = at
  for (let parts = 0; parts < options.maxNameParts; parts++) {
    if (parts > 0 && text.startsWith(surname, k) && !isLower(text[k + surname.length])) {
      return suffixEnd(text, k + surname.length, options)
    }
    const next = namePartEnd(text, k, options)
    if (next === -1 || text[next] !== ' ') return -1
    k = next + 1
  }
  return -1
}

function suffixEnd(text: string, at: number, options: NameOptions): number {
  for (const separator of [' ', ', ']) {
    if (!text.startsWith(separator, at)) continue
    for (const suffix of options.suffixes) {
      const end = at + separator.length + suffix.length
      if (text.startsWith(suffix, at + separator.length) && !isLower(text[end])) return end
    }
  }
  return at
}

/** End of one name part starting at `k`, or -1. */
function namePartEnd(text: string, k: number, options: NameOptions): number {
  const first = text[k]
  for (const particle of options.particles) {
    if (text.startsWith(particle, k) && text[k + particle.length] === ' ')
      return k + particle.length
  }
  if (first === '(') {
    // Nickname: `(Mike)`, `(Bob)`, up to 30 characters, no line break.
    if (!isUpper(text[k + 1])) return -1
    for (let j = k + 2; j < k + 32 && j < text.length; j++) {
      const ch = text[j]
      if (ch === ')') return j + 1
      if (ch === '(' || ch === '\n') return -1
    }
    return -1
  }
  if (!isUpper(first)) return -1
  // Initials: `H.` or `H.W.`
  if (text[k + 1] === '.') {
    let j = k + 2
    while (isUpper(text[j]) && text[j + 1] === '.' && j < k + 8) j += 2
    return j
  }
  let j = k + 1
  if (!isLower(text[j])) return -1
  while (j < text.length && j < k + 40 && isNameInner(text[j])) {
    // A capital after a lowercase letter inside a part is allowed (McCain,
    // DeSantis); the caller only needs the part to end at a space.
    j++
  }
  return j
}

/** End of the surname when a suffix (` Jr.`, `, III`) sits right before `at`, or -1. */
export function suffixGlue(text: string, at: number, options: NameOptions): number {
  for (const suffix of options.suffixes) {
    if (text.slice(at - suffix.length, at) !== suffix) continue
    for (const separator of [' ', ', ']) {
      const end = at - suffix.length - separator.length
      if (text.slice(end, at - suffix.length) === separator && isLetter(text[end - 1])) return end
    }
  }
  return -1
}

/** Start of the name word that ends at `end`. */
export function wordStartOf(text: string, end: number): number {
  let start = end
  while (start > 0 && start > end - 40 && isNameInner(text[start - 1])) start--
  return start
}
