/**
 * Turn input bytes into text: UTF-8 (a BOM is dropped), with U+FFFD and a
 * warning where bytes are not UTF-8, and binary files recognised so they can
 * be skipped instead of cleaned.
 */

export interface Decoded {
  text: string
  /** What was assumed or repaired, for the record's messages. */
  warnings: string[]
  /** True when the bytes look like a binary file, not text. */
  binary: boolean
}

const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
const lenient = new TextDecoder('utf-8', {fatal: false, ignoreBOM: false})

/** How much of the start of the input is inspected for binary content. */
const sniffLength = 8192

/**
 * Binary when the first 8 KiB hold a NUL byte, or more than 10% control bytes
 * other than tab, line feed, form feed and carriage return.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, sniffLength)
  let control = 0
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] ?? 0
    if (byte === 0) return true
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++
  }
  return length > 0 && control / length > 0.1
}

export function decode(bytes: Uint8Array): Decoded {
  if (looksBinary(bytes)) return {text: '', warnings: [], binary: true}
  try {
    return {text: strict.decode(bytes), warnings: [], binary: false}
  } catch {
    const text = lenient.decode(bytes)
    let bad = 0
    for (const ch of text) if (ch === '\uFFFD') bad++
    return {
      text,
      warnings: [`Input is not valid UTF-8: ${bad} invalid byte sequence(s) replaced with U+FFFD`],
      binary: false,
    }
  }
}
