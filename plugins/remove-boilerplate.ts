import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import registry from './data/boilerplate.json' with {type: 'json'}
import {findWhitespaceEdits} from './normalise-whitespace.js'
import {findBoilerplate} from './util/boilerplate-find.js'
import {type Rule, selectRules} from './util/boilerplate-rules.js'
import {type Finding, removeFindings} from './util/remove.js'
import {viewOf} from './util/text-view.js'

export type {Rule} from './util/boilerplate-rules.js'

export interface Options {
  /**
   * Switch registry rules on (`true`) or off (`false`) by id
   * (default: `{}`, every rule as the registry says).
   */
  readonly rules?: Readonly<Record<string, boolean>> | null | undefined
  /** More rules, in the registry's format (default: `[]`). */
  readonly extraRules?: readonly Rule[] | null | undefined
}

export const source = 'remove-boilerplate'

/**
 * Remove publisher boilerplate that sits inside the article text: ad markers,
 * link lines, promos, photo credits and captions, embedded-tweet tails,
 * syndication footers, wire codes. The rules are data
 * (`plugins/data/boilerplate.json`); users switch them by id and add their own.
 */
const removeBoilerplate: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  // Compiled once: a bad user rule fails here, before any file is touched.
  const rules = selectRules(registry.rules, options?.extraRules ?? [], options?.rules ?? {})
  return (tree, file) => {
    if (rules.length === 0) return
    const view = viewOf(tree, file)
    const tidy = tidyWhitespace(view.text)
    const findings: Finding[] = findBoilerplate(tidy.text, rules).map((span) => ({
      start: tidy.toView(span.start),
      end: tidy.toView(span.end),
      ruleId: span.rule.id,
      confidence: span.rule.confidence,
      label: span.rule.description,
      note: `${span.rule.publisher}: ${span.rule.source}`,
    }))
    removeFindings(file, view, source, findings)
  }
}

interface Segment {
  /** Offset in the tidied text. */
  tidy: number
  /** Offset in the view text. */
  view: number
  /** End in the view text. */
  viewEnd: number
  replaced: boolean
}

/**
 * The text as normalise-whitespace will leave it (single spaces, no trailing
 * blanks, one blank line between paragraphs), with a map back to the view.
 * Rules read this, so a line scraped with two spaces (`Related:  …`) is found
 * on the first run, not only after the spaces are tidied: cleaning stays
 * idempotent.
 */
function tidyWhitespace(text: string): {text: string; toView: (offset: number) => number} {
  const edits = findWhitespaceEdits(text, {
    maxBlankLines: 1,
    collapseSpaces: true,
    spaceBeforePunctuation: false,
    joinLines: false,
  })
  if (edits.length === 0) return {text, toView: (offset) => offset}
  const parts: string[] = []
  const segments: Segment[] = []
  let tidy = 0
  let cursor = 0
  const keep = (end: number): void => {
    if (end <= cursor) return
    segments.push({tidy, view: cursor, viewEnd: end, replaced: false})
    parts.push(text.slice(cursor, end))
    tidy += end - cursor
    cursor = end
  }
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < cursor) continue
    keep(edit.start)
    segments.push({tidy, view: edit.start, viewEnd: edit.end, replaced: true})
    parts.push(edit.text)
    tidy += edit.text.length
    cursor = edit.end
  }
  keep(text.length)
  const toView = (offset: number): number => {
    let low = 0
    let high = segments.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((segments[middle]?.tidy ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    const segment = segments[low]
    if (!segment) return offset
    if (!segment.replaced) return Math.min(segment.view + (offset - segment.tidy), segment.viewEnd)
    return offset === segment.tidy ? segment.view : segment.viewEnd
  }
  return {text: parts.join(''), toView}
}

export default removeBoilerplate
