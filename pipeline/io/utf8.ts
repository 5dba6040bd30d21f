/**
 * UTF-8 well-formedness, byte by byte (RFC 3629, table 3-7 of the Unicode
 * Standard), for the readers that must say where bytes are not UTF-8.
 */
import {isUtf8} from 'node:buffer'

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

/**
 * Which lines of a byte stream, read chunk by chunk, hold a byte sequence
 * that is not UTF-8 (decoding puts U+FFFD there without a word). A sequence
 * cut by a chunk's end is judged with the next chunk.
 */
export class Utf8Check {
  /** 1-based numbers of the lines that hold a sequence that is not UTF-8. */
  readonly lines = new Set<number>()
  #tail: Uint8Array = new Uint8Array(0)
  /** Line feeds before the tail. */
  #lineFeeds = 0

  read(chunk: Uint8Array): void {
    const bytes = this.#tail.length === 0 ? chunk : Buffer.concat([this.#tail, chunk])
    // The last lead byte's sequence may go on in the next chunk.
    let cut = bytes.length
    for (let back = 1; back <= 3 && back <= bytes.length; back++) {
      const byte = bytes[bytes.length - back] ?? 0
      if (byte < 0x80) break
      if (byte >= 0xc0) {
        const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
        if (length > back) cut = bytes.length - back
        break
      }
    }
    const whole = bytes.subarray(0, cut)
    // Native and fast; the byte-by-byte search runs only on a chunk that fails.
    if (!isUtf8(whole)) this.#findInvalid(whole)
    else this.#lineFeeds += countLineFeeds(whole)
    this.#tail = bytes.slice(cut)
  }

  /** The stream ended: a sequence left unfinished is not UTF-8. */
  end(): void {
    if (this.#tail.length > 0) this.lines.add(this.#lineFeeds + 1)
    this.#tail = new Uint8Array(0)
  }

  #findInvalid(bytes: Uint8Array): void {
    let index = 0
    while (index < bytes.length) {
      const byte = bytes[index] ?? 0
      if (byte < 0x80) {
        if (byte === 0x0a) this.#lineFeeds++
        index++
        continue
      }
      const length = utf8Length(bytes, index)
      if (length === 0) {
        this.lines.add(this.#lineFeeds + 1)
        index++
      } else index += length
    }
  }
}

function countLineFeeds(bytes: Uint8Array): number {
  let count = 0
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++
  return count
}

/** What a line holding U+FFFD says when its file held bytes that are not UTF-8. */
export const replacedWarning =
  'Input is not valid UTF-8: invalid byte sequence(s) in this line replaced with U+FFFD'
