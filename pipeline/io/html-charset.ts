/**
 * Bytes of a web page to a string. The page's own charset declaration is
 * often wrong (UTF-8 bytes under a `windows-1252` meta, or the reverse), so
 * the bytes have the last word: valid UTF-8 with non-ASCII sequences is
 * UTF-8 whatever the meta says; bytes that are not UTF-8 are decoded with the
 * declared single-byte charset, or windows-1252 when none fits.
 */
import iconv from 'iconv-lite'
import {assertNotBinary} from './html-errors.js'

/** A decoded page. */
export interface DecodedHtml {
  html: string
  /** The charset used. */
  charset: string
  /** What was assumed or repaired. */
  warnings: string[]
}

/** How much of the page is searched for a charset declaration (the HTML standard prescans 1024 bytes). */
const prescanLength = 4096
const declaration = /<meta[^>]{0,300}?charset\s{0,10}=\s{0,10}["']?([\w:.-]{1,40})/i
const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

function isUtf8Name(name: string): boolean {
  return name === 'utf-8' || name === 'utf8'
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) if ((bytes[index] ?? 0) >= 0x80) return true
  return false
}

/** The charset a page declares in its first bytes, lower-cased, or `null`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, prescanLength)).toString('latin1')
  return declaration.exec(head)?.[1]?.toLowerCase() ?? null
}

/**
 * Decode a page's bytes. Throws `HtmlInputError` on binary data; a
 * UTF-16 page needs its byte-order mark.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      html: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'),
      charset: 'utf-16le',
      warnings: [],
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      html: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'),
      charset: 'utf-16be',
      warnings: [],
    }
  }
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  assertNotBinary(body.length, (index) => body[index] ?? 0)
  const declared = declaredCharset(body)
  let utf8: string | null = null
  try {
    utf8 = strictUtf8.decode(body)
  } catch {
    utf8 = null
  }
  if (utf8 !== null && (declared === null || isUtf8Name(declared) || hasNonAscii(body))) {
    const warnings =
      declared !== null && !isUtf8Name(declared)
        ? [`Page declares charset ${declared} but its bytes are UTF-8; decoded as UTF-8`]
        : []
    return {html: utf8, charset: 'utf-8', warnings}
  }
  if (declared !== null && !isUtf8Name(declared) && iconv.encodingExists(declared)) {
    return {html: iconv.decode(Buffer.from(body), declared), charset: declared, warnings: []}
  }
  const why =
    declared === null || isUtf8Name(declared)
      ? `Page bytes are not UTF-8${declared ? ' as declared' : ''}`
      : `Page declares unknown charset ${declared}`
  return {
    html: iconv.decode(Buffer.from(body), 'windows-1252'),
    charset: 'windows-1252',
    warnings: [`${why}; decoded as windows-1252`],
  }
}
