import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {truncationPattern} from './util/hill-blurbs.js'
import {type Finding, removeFindings} from './util/remove.js'
import {report} from './util/report.js'
import {positionOf, viewOf} from './util/text-view.js'

/**
 * When to remove a NewsAPI truncation marker (`… [+2001 chars]`):
 * `after-removal` removes it only when it directly follows text another
 * cleaner removed (the marker then belongs to the removed text); `always`
 * removes every marker; `never` only flags them.
 */
export type TruncationPolicy = 'after-removal' | 'always' | 'never'

export interface Options {
  /** When to remove markers (default: `'after-removal'`). */
  readonly policy?: TruncationPolicy | null | undefined
}

export const source = 'remove-truncation-markers'
const note = 'NewsAPI `content` fields end in `… [+N chars]` where the API cut the article'

/**
 * Report every API truncation marker; remove it by policy. A kept marker is a
 * warning: the record holds only part of the article.
 */
const removeTruncationMarkers: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (
  options,
) => {
  const policy = options?.policy ?? 'after-removal'
  return (tree, file) => {
    const view = viewOf(tree, file)
    const findings: Finding[] = []
    // Every marker holds `[+`; most texts have none.
    const matches = view.text.includes('[+') ? view.text.matchAll(truncationPattern) : []
    const removedEnds = new Set((file.data.removed ?? []).map((removal) => removal.end))
    for (const match of matches) {
      let start = match.index
      // Take the space before the marker along, so no trailing space is left.
      while (start > 0 && view.text[start - 1] === ' ') start--
      const end = match.index + match[0].length
      const follows =
        removedEnds.has(view.toOriginal(start)) || removedEnds.has(view.toOriginal(match.index))
      if (policy === 'always' || (policy === 'after-removal' && follows)) {
        findings.push({
          start,
          end,
          ruleId: 'newsapi-truncation',
          confidence: 1,
          label: 'truncation marker',
          note,
        })
      } else {
        const from = view.toOriginal(match.index)
        const to = view.toOriginal(end)
        report(file, {
          source,
          ruleId: 'newsapi-truncation',
          reason: `Unexpected truncation marker \`${match[0]}\`, expected the full article text`,
          place: positionOf(file, from, to),
          actual: String(file.value).slice(from, to),
          expected: [''],
          level: 'warning',
          note,
        })
      }
    }
    removeFindings(file, view, source, findings)
  }
}

export default removeTruncationMarkers
