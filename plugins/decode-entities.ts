import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {recordChanges} from './util/changes.js'
import {findEntities} from './util/entities.js'
import {report} from './util/report.js'
import {positionOf, viewOf} from './util/text-view.js'

export const source = 'decode-entities'

const note =
  'HTML Living Standard, 13.5 Named character references and 13.2.5.80 numeric character reference end state'

/**
 * Decode HTML character references left in scraped text (`&amp;` → `&`,
 * `&#8217;` → `’`, `&nbsp;` → U+00A0), once. Only terminated references are
 * read (`AT&T`, `R&D` and `&copy` without `;` stay). References that would
 * decode into a new reference (`&amp;amp;`) are kept, with a warning.
 */
const decodeEntities: Plugin<[], Root> = () => (tree, file) => {
  const view = viewOf(tree, file)
  if (!view.text.includes('&')) return
  const {edits, kept} = findEntities(view.text)
  const original = String(file.value)
  for (const span of kept) {
    const start = view.toOriginal(span.start)
    const end = view.toOriginal(span.end)
    const actual = original.slice(start, end)
    report(file, {
      source,
      ruleId: 'double-encoded-reference',
      reason: `Unexpected doubly encoded reference \`${actual}\`, expected it decoded by hand if it is not meant literally`,
      place: positionOf(file, start, end),
      actual,
      expected: [actual],
      level: 'warning',
      note,
    })
  }
  recordChanges(file, view, edits, {
    source,
    describe: (ruleId) =>
      ruleId === 'named-reference' ? 'HTML entity' : 'numeric character reference',
    note: () => note,
  })
}

export default decodeEntities
