import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {type IndexData, indexTables} from '../plugins/util/neutrality-index.js'
import {decodeIndex, encodeIndex} from '../plugins/util/neutrality-index-file.js'
import {
  buildLexicon,
  type Category,
  categories,
  lexiconFingerprint,
} from '../plugins/util/neutrality-lexicon.js'

/** The default lexicon's index, built from the word lists now. */
function builtNow(): IndexData {
  const lexicon = buildLexicon(new Set<Category>(categories))
  return indexTables(lexicon.curated, lexicon.packaged, categories)
}

/** Arrays as plain lists, so that equality does not depend on how a view sits in its buffer. */
function plain(data: IndexData) {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      ArrayBuffer.isView(value) ? [value.constructor.name, ...(value as Int32Array)] : value,
    ]),
  )
}

describe('the neutrality index file', () => {
  const fingerprint = lexiconFingerprint()

  it('reads back exactly the index it was written from', () => {
    const data = builtNow()
    const decoded = decodeIndex(encodeIndex(data, fingerprint), fingerprint)
    expect(decoded).toBeDefined()
    expect(plain(decoded as IndexData)).toEqual(plain(data))
  })

  it('is read at any byte offset, and refused when built from other lists or cut short', () => {
    const bytes = encodeIndex(builtNow(), fingerprint)
    // A buffer that starts one byte in: the arrays are copied to an aligned one.
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    expect(plain(decodeIndex(shifted.subarray(1), fingerprint) as IndexData)).toEqual(
      plain(builtNow()),
    )
    expect(decodeIndex(bytes, 'another fingerprint')).toBeUndefined()
    expect(decodeIndex(bytes.subarray(0, bytes.length - 64), fingerprint)).toBeUndefined()
    expect(decodeIndex(bytes.subarray(0, 6), fingerprint)).toBeUndefined()
    // Another format (or byte order) reads as another tag.
    const retagged = bytes.slice()
    retagged[0] = (retagged[0] as number) ^ 0xff
    expect(decodeIndex(retagged, fingerprint)).toBeUndefined()
  })

  it('is refused when its header lacks an array or names a type it does not know', () => {
    const bytes = encodeIndex(builtNow(), fingerprint)
    const length = new DataView(bytes.buffer).getUint32(4, true)
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)))
    const rewrite = (changed: unknown) => {
      // Same length, so the arrays stay where the header says: pad the JSON with spaces.
      const json = JSON.stringify(changed)
      expect(json.length).toBeLessThanOrEqual(length)
      const copy = bytes.slice()
      copy.set(new TextEncoder().encode(json.padEnd(length, ' ')), 8)
      return copy
    }
    const {pool: _pool, ...withoutPool} = header.arrays
    expect(decodeIndex(rewrite({...header, arrays: withoutPool}), fingerprint)).toBeUndefined()
    const unknownType = {...header.arrays, pool: ['Float64', ...header.arrays.pool.slice(1)]}
    expect(decodeIndex(rewrite({...header, arrays: unknownType}), fingerprint)).toBeUndefined()
    // The unchanged header, padded the same way, still reads.
    expect(decodeIndex(rewrite(header), fingerprint)).toBeDefined()
  })

  // Run from the sources, the default lexicon builds its index from the lists
  // (there is no file beside them), so the check that counts is the built file:
  // `npm test` builds dist/ first, and a missing file fails here.
  const built = new URL('../dist/plugins/data/neutrality-index.bin', import.meta.url)
  it('is the file the build wrote (dist/, built by `pretest`)', () => {
    const decoded = decodeIndex(readFileSync(built), fingerprint)
    expect(decoded).toBeDefined()
    expect(plain(decoded as IndexData)).toEqual(plain(builtNow()))
  })
})
