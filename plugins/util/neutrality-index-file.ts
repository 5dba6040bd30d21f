/**
 * The default neutrality index, worked out at build time.
 *
 * Building it from the word lists (some 4,700 terms over 3,900 words: normalised, split,
 * numbered, hashed), with the lexicon around it, took about 25 ms of a one-article
 * cold start's CPU profile (`node --cpu-prof dist/pipeline/cli.js clean < seed`). The build
 * (`scripts/build-neutrality-index.ts`) writes its arrays to one file,
 * `dist/plugins/data/neutrality-index.bin`, which loads with one read and no
 * parse beyond a small JSON header:
 *
 * | bytes | what |
 * | --- | --- |
 * | 4 | format tag, `indexFormat` (in the machine's byte order: another order reads as a mismatch) |
 * | 4 | length of the header, `h` |
 * | h | the header: UTF-8 JSON `{fingerprint, categories, alternatives, arrays}` |
 * | rest | each array of `IndexArrays`, at the offset the header gives (a multiple of 4) |
 *
 * The fingerprint is that of the lists the index was built from
 * (`lexiconFingerprint`): when they changed after the build, or the file is
 * missing or unreadable, the index is built at run time. The file can make a
 * start faster, never an answer different.
 */
import {readFileSync} from 'node:fs'
import type {IndexArrays, IndexData} from './neutrality-index.js'
import type {Category} from './neutrality-lexicon.js'

/** Where the build writes the file: `dist/plugins/data/neutrality-index.bin`. */
export const indexFileUrl = new URL('../data/neutrality-index.bin', import.meta.url)

/** Format tag at the start of the file ("NIX2" read little endian); bump it when the layout changes. */
export const indexFormat = 0x32_58_49_4e

const arrayTypes = {
  Int32Array,
  Uint16Array,
  Uint8Array,
} as const

type ArrayType = keyof typeof arrayTypes

interface Header {
  readonly fingerprint: string
  readonly categories: readonly Category[]
  readonly alternatives: readonly string[]
  readonly arrays: Readonly<Record<string, readonly [ArrayType, number, number]>>
}

const arrayNames = [
  'slots',
  'filter',
  'starts',
  'pool',
  'listStarts',
  'listTerms',
  'listSingle',
  'termStarts',
  'termWords',
  'termCategory',
  'termAlternative',
  'termQuiet',
  'pairs',
  'pairTerms',
] as const satisfies readonly (keyof IndexArrays)[]

/** The file for `data`, built from lists with fingerprint `fingerprint`. */
export function encodeIndex(data: IndexData, fingerprint: string): Uint8Array {
  const arrays: Record<string, [ArrayType, number, number]> = {}
  let offset = 0
  for (const name of arrayNames) {
    const array = data[name]
    arrays[name] = [array.constructor.name as ArrayType, offset, array.length]
    offset += align(array.byteLength)
  }
  const header: Header = {
    fingerprint,
    categories: data.categories,
    alternatives: data.alternatives,
    arrays,
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const base = align(8 + json.length)
  const bytes = new Uint8Array(base + offset)
  new Uint32Array(bytes.buffer, 0, 2).set([indexFormat, json.length])
  bytes.set(json, 8)
  for (const name of arrayNames) {
    const array = data[name]
    const at = base + (arrays[name] as [ArrayType, number, number])[1]
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at)
  }
  return bytes
}

/** The index in `bytes` when it is one of this format built from lists with `fingerprint`; else `undefined`. */
export function decodeIndex(bytes: Uint8Array, fingerprint: string): IndexData | undefined {
  if (bytes.length < 8) return undefined
  // Typed arrays need their offsets aligned: copy a buffer that is not.
  const own = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
  const [tag, length] = new Uint32Array(own.buffer, own.byteOffset, 2)
  if (tag !== indexFormat || length === undefined || 8 + length > own.length) return undefined
  const header = JSON.parse(
    new TextDecoder().decode(own.subarray(8, 8 + length)),
  ) as Partial<Header>
  if (header.fingerprint !== fingerprint || !header.arrays || !header.alternatives) return undefined
  const base = own.byteOffset + align(8 + length)
  const views: Partial<Record<(typeof arrayNames)[number], unknown>> = {}
  for (const name of arrayNames) {
    const entry = header.arrays[name]
    if (!entry) return undefined
    const [type, offset, count] = entry
    const View = arrayTypes[type]
    if (!View || align(8 + length) + offset + count * View.BYTES_PER_ELEMENT > own.length)
      return undefined
    views[name] = new View(own.buffer as ArrayBuffer, base + offset, count)
  }
  return {
    ...(views as unknown as IndexArrays),
    alternatives: header.alternatives,
    categories: header.categories ?? [],
  }
}

/** The built index, when the file is there and built from lists with `fingerprint`. */
export function readIndexFile(fingerprint: string): IndexData | undefined {
  try {
    return decodeIndex(readFileSync(indexFileUrl), fingerprint)
  } catch {
    // No build (sources run by vitest) or an unreadable file: the caller builds it.
    return undefined
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / 4) * 4
}
