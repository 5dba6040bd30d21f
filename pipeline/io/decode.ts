/**
 * Turn input bytes into text: UTF-8 (a BOM is dropped); UTF-16 with a BOM;
 * other encodings (windows-1252, windows-1251, Shift_JIS...) when the bytes
 * are not UTF-8 and chardet is confident, with a warning that says what was
 * assumed; otherwise U+FFFD and a warning where bytes are not UTF-8. Binary
 * files are recognised so they can be skipped instead of cleaned.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import {utf8Length} from './utf8.js'

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

/**
 * Least chardet confidence (0-100) to read bytes that are not UTF-8 in the
 * encoding it names. Real paragraphs in windows-1252, windows-1251 or
 * Shift_JIS score 60-100; a short line with one stray byte scores ~30, and is
 * better shown with U+FFFD than guessed.
 */
export const minConfidence = 50

/** chardet names that iconv-lite should read as a superset (WHATWG does the same). */
const supersets: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-9': 'windows-1254',
  'ISO-8859-11': 'windows-874',
}

/** Decode `bytes` as text; see the module comment for what is assumed. */
export function decode(bytes: Uint8Array): Decoded {
  // A UTF-16 BOM before the binary check: UTF-16 text is full of NUL bytes.
  const utf16 = utf16ByBom(bytes)
  if (utf16) return utf16
  if (looksBinary(bytes)) return {text: '', warnings: [], binary: true}
  try {
    return {text: strict.decode(bytes), warnings: [], binary: false}
  } catch {
    return decodeLegacy(bytes) ?? decodeDamaged(bytes)
  }
}

/** The UTF-16 encoding a byte order mark at the start of `bytes` names, and the warning that says so. */
export function utf16Bom(bytes: Uint8Array): {encoding: string; warning: string} | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined
  return encoding
    ? {encoding, warning: `Input is ${encoding.toUpperCase()} (byte order mark): decoded as such`}
    : undefined
}

function utf16ByBom(bytes: Uint8Array): Decoded | undefined {
  const bom = utf16Bom(bytes)
  if (!bom) return undefined
  return {
    text: iconv.decode(
      Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2),
      bom.encoding,
    ),
    warnings: [bom.warning],
    binary: false,
  }
}

/**
 * Bytes in another encoding: only when they hold no more valid UTF-8
 * multi-byte sequences than invalid bytes (else it is damaged UTF-8, and
 * reading it as windows-1252 would garble every good sequence), and chardet
 * names an encoding iconv-lite knows with enough confidence.
 */
function decodeLegacy(bytes: Uint8Array): Decoded | undefined {
  const legacy = legacyEncodingOf(bytes)
  if (!legacy) return undefined
  return {
    text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), legacy.encoding),
    warnings: [legacy.warning],
    binary: false,
  }
}

/**
 * The legacy encoding bytes that are not UTF-8 are in, by the rules of
 * {@link decodeLegacy}, with the warning that says so; `undefined` when they
 * are damaged UTF-8 or chardet is not confident. Only the first 64 KiB are
 * read: they tell the encoding as well as the whole, at a fraction of the time.
 */
export function legacyEncodingOf(
  bytes: Uint8Array,
): {encoding: string; warning: string} | undefined {
  const {valid, invalid} = countUtf8(bytes)
  if (valid > invalid) return undefined
  const best = chardet.analyse(bytes.subarray(0, 65536))[0]
  if (!best || best.confidence < minConfidence) return undefined
  const encoding = supersets[best.name] ?? best.name
  if (/^utf-?8$/i.test(encoding) || encoding === 'ASCII' || !iconv.encodingExists(encoding)) {
    return undefined
  }
  return {
    encoding,
    warning: `Input is not valid UTF-8: decoded as ${encoding} (detected by chardet, confidence ${best.confidence}%${best.lang ? `, language ${best.lang}` : ''})`,
  }
}

function decodeDamaged(bytes: Uint8Array): Decoded {
  const text = lenient.decode(bytes)
  let bad = 0
  for (const ch of text) if (ch === '\uFFFD') bad++
  return {
    text,
    warnings: [`Input is not valid UTF-8: ${bad} invalid byte sequence(s) replaced with U+FFFD`],
    binary: false,
  }
}

/** Valid UTF-8 multi-byte sequences and invalid bytes, in one pass. */
export function countUtf8(bytes: Uint8Array): {valid: number; invalid: number} {
  let valid = 0
  let invalid = 0
  let i = 0
  while (i < bytes.length) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++
      continue
    }
    const length = utf8Length(bytes, i)
    if (length > 0) {
      valid++
      i += length
    } else {
      invalid++
      i++
    }
  }
  return {valid, invalid}
}
