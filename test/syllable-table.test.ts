/**
 * The compact CMU syllable table (plugins/util/syllable-table.ts) gives the
 * same count as the dictionary for every word, and the table a build writes
 * is the one the CLI reads.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {dictionary} from 'cmu-pronouncing-dictionary'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'
import {
  decodeSyllableTable,
  encodeSyllableTable,
  loadSyllableTable,
  readDictionaryModule,
  tableFormat,
  vowelPhonemes,
} from '../plugins/util/syllable-table.js'
import {dictionarySyllables} from '../plugins/util/syllables.js'

const words = Object.keys(dictionary)
const encoded = encodeSyllableTable(dictionary)

describe('syllable table', () => {
  it('counts the vowel phonemes of a pronunciation', () => {
    expect(vowelPhonemes('K AH0 N G R EH1 S')).toBe(2)
    expect(vowelPhonemes('EH2 K S T R AH0 AO1 R D AH0 N EH2 R IY0')).toBe(6)
    expect(vowelPhonemes('HH M')).toBe(0)
  })

  it('agrees with the dictionary on every one of its words', () => {
    const table = decodeSyllableTable(encoded)
    expect(table.size).toBe(words.length)
    const disagreements = words.filter(
      (word) => table.lookup(word) !== vowelPhonemes(dictionary[word] ?? ''),
    )
    expect(disagreements).toEqual([])
  })

  it('lists nothing the dictionary lacks', () => {
    const table = decodeSyllableTable(encoded)
    // Near misses of listed words: cut short, run on, other case, other script.
    const absent = ['congres', 'congresss', 'Congress', 'ｃongress', 'zzzyzzx', '', 'a(9)']
    for (const word of absent) expect(Object.hasOwn(dictionary, word)).toBe(false)
    expect(absent.map((word) => table.lookup(word))).toEqual(absent.map(() => undefined))
    // Names of Object.prototype are words like any other, not inherited entries.
    expect(table.lookup('__proto__')).toBeUndefined()
    const inherited: string = 'constructor'
    expect(table.lookup(inherited)).toBe(vowelPhonemes(dictionary[inherited] ?? ''))
  })

  it('reads the same from a buffer that starts off a 4-byte boundary', () => {
    const shifted = new Uint8Array(encoded.byteLength + 1).subarray(1)
    shifted.set(encoded)
    const table = decodeSyllableTable(shifted)
    expect(['congress', 'extraordinary', 'the'].map((word) => table.lookup(word))).toEqual([
      2, 6, 1,
    ])
  })

  it('refuses a file of another format, or one cut short', () => {
    expect(() => decodeSyllableTable(new TextEncoder().encode('congress,3\n'))).toThrow(
      /Not a copydesk syllable table/,
    )
    expect(() => decodeSyllableTable(encoded.subarray(0, encoded.byteLength - 5))).toThrow(
      /cut short/,
    )
    const foreign = encoded.slice()
    new DataView(foreign.buffer).setUint32(0, tableFormat + 1, true)
    expect(() => decodeSyllableTable(foreign)).toThrow(/Not a copydesk syllable table/)
  })

  it('refuses a word it cannot store in one byte a character', () => {
    expect(() => encodeSyllableTable({日本: 'N IH0 HH AA1 N'})).toThrow(RangeError)
  })

  it('reads the dictionary package without compiling it, to the same entries', () => {
    const read = readDictionaryModule()
    expect(Object.keys(read).length).toBe(words.length)
    expect(words.filter((word) => read[word] !== dictionary[word])).toEqual([])
  })

  it('loads a table file, or makes the table from the package when there is none', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-table-'))
    const path = join(folder, 'counts.bin')
    // A table that lists one word, so what was read is plain to see.
    writeFileSync(path, encodeSyllableTable({congress: 'K AA1 NG G R AH0 S'}))
    const fromFile = loadSyllableTable(pathToFileURL(path))
    expect(fromFile.size).toBe(1)
    expect(fromFile.lookup('congress')).toBe(2)
    const fromPackage = loadSyllableTable(pathToFileURL(join(folder, 'absent.bin')))
    expect(fromPackage.size).toBe(words.length)
    expect(fromPackage.lookup('extraordinary')).toBe(6)
    // A folder where the file should be is a broken install, not a missing build.
    expect(() => loadSyllableTable(pathToFileURL(folder))).toThrow(/EISDIR/)
  })

  it('is what the library looks words up in', () => {
    const sample = words.filter((_, index) => index % 97 === 0)
    expect(sample.map(dictionarySyllables)).toEqual(
      sample.map((word) => vowelPhonemes(dictionary[word] ?? '')),
    )
    expect(dictionarySyllables('qwrtplk')).toBeUndefined()
  })
})

describe('the built table and CLI (dist/, built by `pretest`)', () => {
  const built = new URL('../dist/plugins/data/cmu-syllables.bin', import.meta.url)
  const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))

  it('is the encoding of the installed dictionary, byte for byte', () => {
    expect(Buffer.compare(readFileSync(built), encoded)).toBe(0)
  })

  it('scores an article with the same syllables as the library', () => {
    const text =
      'The council approved an extraordinary municipal reorganization on Tuesday. ' +
      'Residents of the riverside neighborhoods said the vote was long overdue, ' +
      'and several councillors called the plan unprecedented in its ambition.'
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-syllables-'))
    const input = join(folder, 'council.txt')
    writeFileSync(input, text)
    const result = spawnSync(process.execPath, [cli, 'clean', '--quiet', input], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const record = JSON.parse(result.stdout) as ReturnType<typeof clean>
    expect(record.readability).toEqual(clean(text).readability)
    expect(record.readability?.syllables).toBeGreaterThan(40)
  })
})
