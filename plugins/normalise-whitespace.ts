import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {report} from './util/report.js'
import {applyEdits, type Edit, positionOf, TextView} from './util/text-view.js'

export interface Options {
  /** Most blank lines kept between paragraphs (default: `1`). */
  readonly maxBlankLines?: number | null | undefined
  /** Collapse runs of spaces between words into one (default: `true`). */
  readonly collapseSpaces?: boolean | null | undefined
}

export const source = 'normalise-whitespace'

/** Horizontal whitespace that may trail a line: space, tab, no-break space. */
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0'

/**
 * Find whitespace edits in one left-to-right pass: trailing blanks on a line,
 * blank lines beyond `maxBlankLines`, blank lines at the start and end of the
 * text, and runs of spaces between words (indentation is kept).
 */
export function findWhitespaceEdits(
  text: string,
  maxBlankLines: number,
  collapseSpaces: boolean,
): Array<Edit & {ruleId: string}> {
  const edits: Array<Edit & {ruleId: string}> = []
  const n = text.length
  let i = 0
  // Leading blank lines and blanks before the first character.
  let lead = 0
  while (lead < n && (isBlank(text[lead]) || text[lead] === '\n' || text[lead] === '\r')) lead++
  let lineStart = lead
  if (lead > 0) {
    // Keep the indentation of the first line.
    let keep = lead
    while (keep > 0 && text[keep - 1] === ' ') keep--
    if (keep > 0) edits.push({start: 0, end: keep, text: '', ruleId: 'leading-blank-lines'})
    lineStart = keep
  }
  i = lead
  while (i < n) {
    const ch = text[i]
    if (isBlank(ch) || ch === '\r' || ch === '\n') {
      // A run of whitespace: split it at line breaks.
      let j = i
      let breaks = 0
      while (j < n && (isBlank(text[j]) || text[j] === '\n' || text[j] === '\r')) {
        if (text[j] === '\n') breaks++
        j++
      }
      if (j === n) {
        edits.push({start: i, end: n, text: '', ruleId: 'trailing-whitespace'})
        break
      }
      if (breaks === 0) {
        if (
          collapseSpaces &&
          j - i > 1 &&
          i > lineStart &&
          !text.slice(i, j).includes('\u00a0') &&
          !text.slice(i, j).includes('\t')
        ) {
          edits.push({start: i, end: j, text: ' ', ruleId: 'repeated-space'})
        }
      } else {
        // Keep the indentation of the next line (spaces after the last break).
        let indent = j
        while (indent > i && text[indent - 1] === ' ') indent--
        const wanted = '\n'.repeat(Math.min(breaks, maxBlankLines + 1))
        if (text.slice(i, indent) !== wanted) {
          const ruleId = breaks > maxBlankLines + 1 ? 'extra-blank-lines' : 'trailing-whitespace'
          edits.push({start: i, end: indent, text: wanted, ruleId})
        }
        lineStart = j
      }
      i = j
    } else {
      i++
    }
  }
  return edits
}

/**
 * Tidy whitespace: no trailing spaces or no-break spaces at line ends, at most
 * one blank line between paragraphs, none at the start or end, single spaces
 * between words (including the gap a removal leaves).
 */
const normaliseWhitespace: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const maxBlankLines = options?.maxBlankLines ?? 1
  const collapseSpaces = options?.collapseSpaces ?? true
  return (tree, file) => {
    const view = new TextView(tree)
    const edits = findWhitespaceEdits(view.text, maxBlankLines, collapseSpaces)
    if (edits.length === 0) return
    const original = String(file.value)
    const changes = file.data.changes ?? []
    const counts = new Map<string, number>()
    for (const edit of edits) {
      const start = view.toOriginal(edit.start)
      const end = view.toOriginal(edit.end)
      const before = original.slice(start, end)
      counts.set(edit.ruleId, (counts.get(edit.ruleId) ?? 0) + 1)
      changes.push({ruleId: edit.ruleId, source, start, end, before, after: edit.text})
    }
    file.data.changes = changes
    // One summary message per rule: whitespace fixes are many and dull, and the
    // full list is in `file.data.changes`.
    for (const [ruleId, count] of counts) {
      const first = edits.find((edit) => edit.ruleId === ruleId)
      if (!first) continue
      const start = view.toOriginal(first.start)
      const end = view.toOriginal(first.end)
      report(file, {
        source,
        ruleId,
        reason: `Unexpected ${describe(ruleId)} (${count}×), expected tidy whitespace`,
        place: positionOf(file, start, end),
        actual: original.slice(start, end),
        expected: [first.text],
        level: 'info',
      })
    }
    if (!file.data.dryRun) applyEdits(file, view, edits)
  }
}

function describe(ruleId: string): string {
  switch (ruleId) {
    case 'leading-blank-lines':
      return 'blank lines at the start'
    case 'extra-blank-lines':
      return 'extra blank lines'
    case 'repeated-space':
      return 'repeated spaces'
    default:
      return 'trailing whitespace'
  }
}

export default normaliseWhitespace
