/**
 * Build step (run by `npm run build`, after `tsc`): writes the CMU syllable
 * counts as the compact table that plugins/util/syllables.ts reads, next to
 * the compiled data files (dist/plugins/data/cmu-syllables.bin). Prints the
 * words and bytes written.
 */
import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {dictionary} from 'cmu-pronouncing-dictionary'
import {encodeSyllableTable} from '../plugins/util/syllable-table.js'
import {syllableTableUrl} from '../plugins/util/syllables.js'

const path = fileURLToPath(syllableTableUrl)
const bytes = encodeSyllableTable(dictionary)
mkdirSync(dirname(path), {recursive: true})
// Written aside, then renamed: a CLI started during a build never reads half a table.
const partial = `${path}.${process.pid}.partial`
writeFileSync(partial, bytes)
renameSync(partial, path)
console.log(
  `syllable table: ${Object.keys(dictionary).length} words, ${bytes.byteLength} bytes → ${path}`,
)
