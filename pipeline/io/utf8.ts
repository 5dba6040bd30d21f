/**
 * UTF-8 well-formedness, byte by byte (RFC 3629, table 3-7 of the Unicode
 * Standard), for the readers that must say where bytes are not UTF-8.
 */

/** Length of the well-formed UTF-8 sequence at `index` (RFC 3629), or 0. */
export function utf8Length(bytes: Uint8Array, index: number): number {
  const byte = bytes[index] ?? 0
  const second = bytes[index + 1] ?? 0
  // The second byte's range depends on the first: no overlong forms, no surrogates, nothing past U+10FFFF.
  let low = 0x80
  let high = 0xbf
  let length: number
  if (byte >= 0xc2 && byte <= 0xdf) length = 2
  else if (byte >= 0xe0 && byte <= 0xef) {
    length = 3
    if (byte === 0xe0) low = 0xa0
    if (byte === 0xed) high = 0x9f
  } else if (byte >= 0xf0 && byte <= 0xf4) {
    length = 4
    if (byte === 0xf0) low = 0x90
    if (byte === 0xf4) high = 0x8f
  } else return 0
  if (second < low || second > high) return 0
  for (let k = 2; k < length; k++) {
    const next = bytes[index + k] ?? 0
    if (next < 0x80 || next > 0xbf) return 0
  }
  return length
}
