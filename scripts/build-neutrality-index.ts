/**
 * Build step (run by `npm run build`, after `tsc`): builds the index of the
 * default neutrality lexicon (every category, no custom words) and writes it
 * where plugins/util/neutrality-index-file.ts reads it
 * (dist/plugins/data/neutrality-index.bin). Prints the sizes written.
 */
import {mkdirSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeFileAtomic} from '../pipeline/io/atomic.js'
import {indexTables} from '../plugins/util/neutrality-index.js'
import {encodeIndex, indexFileUrl} from '../plugins/util/neutrality-index-file.js'
import {
  buildLexicon,
  type Category,
  categories,
  lexiconFingerprint,
} from '../plugins/util/neutrality-lexicon.js'

const lexicon = buildLexicon(new Set<Category>(categories))
const data = indexTables(lexicon.curated, lexicon.packaged, categories)
const bytes = encodeIndex(data, lexiconFingerprint())
const path = fileURLToPath(indexFileUrl)
mkdirSync(dirname(path), {recursive: true})
// Atomic: a CLI started during a build never reads half a file.
await writeFileAtomic(path, bytes)
console.log(
  `neutrality index: ${data.starts.length - 1} words, ${data.termCategory.length} terms, ${bytes.length} bytes → ${path}`,
)
