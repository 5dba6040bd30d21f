/**
 * Build step (run by `npm run build`, after `tsc`): works out the needles of
 * every shipped boilerplate rule, switched on or not, and writes them where
 * plugins/util/boilerplate-needle-table.ts reads them
 * (dist/plugins/data/boilerplate-needles.json). Prints the count written.
 */
import {mkdirSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeFileAtomic} from '../pipeline/io/atomic.js'
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import {buildNeedleTable, needleTableUrl} from '../plugins/util/boilerplate-needle-table.js'
import {compileRule} from '../plugins/util/boilerplate-rules.js'

const patterns = registry.rules.flatMap((rule) => {
  const {pattern} = compileRule(rule)
  return pattern ? [pattern] : []
})
const table = buildNeedleTable(patterns)
const path = fileURLToPath(needleTableUrl)
mkdirSync(dirname(path), {recursive: true})
// Atomic: a CLI started during a build never reads half a file.
await writeFileAtomic(path, `${JSON.stringify(table, null, 1)}\n`)
console.log(`boilerplate needles: ${Object.keys(table).length} expressions → ${path}`)
