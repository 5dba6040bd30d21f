/**
 * How large one record may be. Memory grows with the record, which holds
 * every sentence's explanation: a 10 MB text of short sentences peaked at
 * 2.7 GB, 16 MB at 3.3 GB (`copydesk clean FILE --jobs 1`), and 60 MB ran the
 * process out of its 4 GB heap, which killed the whole batch. A longer text
 * is an error record that asks for parts.
 */

/** The longest text one record cleans. */
export const maxTextCharacters = 16 * 1024 * 1024

/** The longest HTML page read (its text, once extracted, is held to {@link maxTextCharacters}). */
export const maxHtmlCharacters = 64 * 1024 * 1024

const thousands = (count: number): string => count.toLocaleString('en-US')

/** Why a text of `length` characters is too large to clean, if it is. */
export function textTooLarge(length: number): string | undefined {
  if (length <= maxTextCharacters) return undefined
  return `Text too large to clean as one record: ${thousands(length)} characters (at most ${thousands(maxTextCharacters)}); split it into parts`
}

/** Why an HTML page of `length` characters (or bytes) is too large to read, if it is. */
export function htmlTooLarge(length: number): string | undefined {
  if (length <= maxHtmlCharacters) return undefined
  return `HTML too large: ${thousands(length)} characters (at most ${thousands(maxHtmlCharacters)})`
}
