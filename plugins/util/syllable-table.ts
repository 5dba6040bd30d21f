/**
 * A compact, read-only table of CMU Pronouncing Dictionary syllable counts.
 *
 * Importing `cmu-pronouncing-dictionary` makes Node compile a 4.7 MB module
 * (about a quarter of a second), and readability needs only one number per
 * word: the vowel phonemes of its pronunciation. `npm run build` therefore
 * writes the counts once into a binary file (1.7 MB)
 * (scripts/build-syllable-table.ts), which loads with one read and no parse:
 *
 * | bytes | what |
 * | --- | --- |
 * | 4 | format tag, `tableFormat` (little endian) |
 * | 4 | number of words, `n` |
 * | 4 × (n + 1) | where each word starts in the word bytes, then their end |
 * | n | the syllable count of each word |
 * | rest | the words, one byte a character, sorted by character code |
 *
 * A lookup is a binary search over the sorted words, with no string built.
 */

import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

/** Format tag at the start of a table file; bump it when the layout changes. */
export const tableFormat = 0x31_53_4d_43 // "CMS1" read little endian

const headerBytes = 8

/** Syllables of a CMU pronunciation: its vowel phonemes, which carry a stress digit. */
export function vowelPhonemes(phonemes: string): number {
  let count = 0
  for (let index = 0; index < phonemes.length; index++) {
    const code = phonemes.charCodeAt(index)
    if (code >= 48 && code <= 50) count++
  }
  return count
}

/**
 * The table file for `dictionary` (word → ARPAbet pronunciation), as bytes.
 * Throws when a word has a character beyond one byte, or a count beyond 255:
 * the layout could not hold it.
 */
export function encodeSyllableTable(dictionary: Readonly<Record<string, string>>): Uint8Array {
  // Default sort compares UTF-16 code units: the order `lookup` searches in.
  const words = Object.keys(dictionary).sort()
  let wordBytes = 0
  for (const word of words) wordBytes += word.length
  const countsAt = headerBytes + 4 * (words.length + 1)
  const wordsAt = countsAt + words.length
  const bytes = new Uint8Array(wordsAt + wordBytes)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, tableFormat, true)
  view.setUint32(4, words.length, true)
  let offset = 0
  words.forEach((word, index) => {
    const count = vowelPhonemes(dictionary[word] ?? '')
    if (count > 255) throw new RangeError(`Too many syllables to store for \`${word}\`: ${count}`)
    view.setUint32(headerBytes + 4 * index, offset, true)
    bytes[countsAt + index] = count
    for (let at = 0; at < word.length; at++) {
      const code = word.charCodeAt(at)
      if (code > 0xff) throw new RangeError(`Cannot store \`${word}\` in one byte a character`)
      bytes[wordsAt + offset + at] = code
    }
    offset += word.length
  })
  view.setUint32(headerBytes + 4 * words.length, offset, true)
  return bytes
}

/** A decoded table: `lookup(word)` is the CMU syllable count, or `undefined`. */
export interface SyllableTable {
  /** Number of words listed. */
  readonly size: number
  /** The count of an exact (lower-case) dictionary word, or `undefined`. */
  lookup(word: string): number | undefined
}

/**
 * The `dictionary` of `cmu-pronouncing-dictionary`, read synchronously: its
 * module is one object literal in JSON syntax, parsed here as JSON, which is
 * about twice as fast as compiling it. Throws if the package ever ships
 * another shape.
 */
export function readDictionaryModule(): Record<string, string> {
  const path = createRequire(import.meta.url).resolve('cmu-pronouncing-dictionary')
  const text = readFileSync(path, 'utf8')
  const start = text.indexOf('{', text.indexOf('export const dictionary'))
  const end = text.lastIndexOf('}')
  if (start < 0 || end < start) throw new Error(`No dictionary object in ${path}`)
  return JSON.parse(text.slice(start, end + 1)) as Record<string, string>
}

/**
 * Read a table made by {@link encodeSyllableTable}. No copy is made unless the
 * bytes are misaligned for the word offsets. Throws on a foreign or cut file.
 */
export function decodeSyllableTable(file: Uint8Array): SyllableTable {
  // Offsets are read as 32-bit words, which need a 4-byte aligned start.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < headerBytes || view.getUint32(0, true) !== tableFormat) {
    throw new Error('Not a copydesk syllable table (run `npm run build` to make it anew)')
  }
  const size = view.getUint32(4, true)
  const countsAt = headerBytes + 4 * (size + 1)
  const wordsAt = countsAt + size
  const starts = new Uint32Array(bytes.buffer, bytes.byteOffset + headerBytes, size + 1)
  const wordBytes = starts[size] ?? 0
  if (bytes.byteLength !== wordsAt + wordBytes) {
    throw new Error('Syllable table is cut short or too long (run `npm run build` to make it anew)')
  }
  const counts = bytes.subarray(countsAt, wordsAt)
  const words = bytes.subarray(wordsAt)

  // Negative when `word` sorts before listed word `index`, 0 when it is it.
  function compare(word: string, index: number): number {
    const start = starts[index] ?? 0
    const length = (starts[index + 1] ?? 0) - start
    const shared = Math.min(word.length, length)
    for (let at = 0; at < shared; at++) {
      const difference = word.charCodeAt(at) - (words[start + at] ?? 0)
      if (difference !== 0) return difference
    }
    return word.length - length
  }

  return {
    size,
    lookup(word) {
      let low = 0
      let high = size - 1
      while (low <= high) {
        const middle = (low + high) >>> 1
        const order = compare(word, middle)
        if (order === 0) return counts[middle]
        if (order < 0) high = middle - 1
        else low = middle + 1
      }
      return undefined
    },
  }
}

/**
 * The table in the file at `url`, or, when there is no such file (the sources
 * run without a build, as vitest does), the same table made from the
 * dictionary package, about 0.1 s slower. Any other read error is thrown.
 */
export function loadSyllableTable(url: URL): SyllableTable {
  try {
    return decodeSyllableTable(readFileSync(url))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  return decodeSyllableTable(encodeSyllableTable(readDictionaryModule()))
}
