import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {recordChanges} from './util/changes.js'
import {createsReference} from './util/entities.js'
import type {Edit} from './util/text-view.js'
import {viewOf} from './util/text-view.js'

export interface Options {
  /** Most blank lines kept between paragraphs (default: `1`). */
  readonly maxBlankLines?: number | null | undefined
  /** Collapse runs of spaces between words into one (default: `true`). */
  readonly collapseSpaces?: boolean | null | undefined
  /**
   * Remove spaces before `, . ; : ! ?` that end a word (`said .` → `said.`);
   * spaced ellipses (`. . .`), decimals (`.5`), emoticons and no-break spaces
   * (French typography) stay (default: `true`).
   */
  readonly spaceBeforePunctuation?: boolean | null | undefined
  /**
   * Join lines that a hard wrap broke inside a sentence (scraped PDFs and
   * e-mails): a single line break before a lowercase letter becomes a space
   * (default: `false`).
   */
  readonly joinLines?: boolean | null | undefined
}

/** Switches of `findWhitespaceEdits`. */
export interface WhitespaceSettings {
  maxBlankLines: number
  collapseSpaces: boolean
  spaceBeforePunctuation: boolean
  joinLines: boolean
}

export const source = 'normalise-whitespace'

/** Horizontal whitespace that may trail a line: space, tab, no-break space. */
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0'

/**
 * Where a whitespace run that may need an edit can start: a line break, or a
 * blank followed by whitespace, by punctuation or by the end of the text. A
 * single blank between words, most of any text, never needs one.
 */
function nextRunStart(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from
  return pattern.test(text) ? pattern.lastIndex - 1 : text.length
}

/**
 * Find whitespace edits in one left-to-right pass: trailing blanks on a line,
 * blank lines beyond `maxBlankLines`, blank lines at the start and end of the
 * text, and runs of spaces between words (indentation is kept).
 */
export function findWhitespaceEdits(
  text: string,
  settings: WhitespaceSettings,
): Array<Edit & {ruleId: string}> {
  const {maxBlankLines, collapseSpaces} = settings
  const edits: Array<Edit & {ruleId: string}> = []
  const n = text.length
  // One character and a one-character lookahead: linear.
  const runStart = /[ \t\u00a0](?=[ \t\u00a0\r\n,.;:!?]|$)|[\r\n]/g
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
          settings.spaceBeforePunctuation &&
          i > lineStart &&
          spaceBeforePunctuation(text, i, j)
        ) {
          edits.push({start: i, end: j, text: '', ruleId: 'space-before-punctuation'})
        } else if (
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
        if (settings.joinLines && breaks === 1 && i > lineStart && continuesSentence(text, i, j)) {
          edits.push({start: i, end: j, text: ' ', ruleId: 'joined-line'})
        } else if (text.slice(i, indent) !== wanted) {
          const ruleId = breaks > maxBlankLines + 1 ? 'extra-blank-lines' : 'trailing-whitespace'
          edits.push({start: i, end: indent, text: wanted, ruleId})
        }
        lineStart = j
      }
      i = j
    } else {
      // A native search jumps over words and the single spaces between them.
      i = nextRunStart(runStart, text, i + 1)
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
  const settings: WhitespaceSettings = {
    maxBlankLines: options?.maxBlankLines ?? 1,
    collapseSpaces: options?.collapseSpaces ?? true,
    spaceBeforePunctuation: options?.spaceBeforePunctuation ?? true,
    joinLines: options?.joinLines ?? false,
  }
  return (tree, file) => {
    const view = viewOf(tree, file)
    // One summary message per rule: whitespace fixes are many and dull, and
    // the full list is in `file.data.changes`.
    // Closing `&amp ;` into `&amp;` would make decode-entities act on a second run.
    const edits = findWhitespaceEdits(view.text, settings).filter(
      (edit) => !createsReference(view.text, edit.start, edit.end, edit.text),
    )
    recordChanges(file, view, edits, {
      source,
      describe,
      messagesPerRule: 0,
      summary: (ruleId, count) =>
        `Unexpected ${describe(ruleId)} (${count}×), expected tidy whitespace`,
    })
  }
}

const punctuation = new Set([',', '.', ';', ':', '!', '?'])
/** What may follow punctuation that closes a word: a space, a line end, a closing quote. */
const closing = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  // Every form of quote, so that a quote policy that runs later does not
  // change what this rule decides on a second run.
  '"',
  "'",
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u00ab',
  '\u00bb',
  '\u2039',
  '\u203a',
])

/**
 * Whether the spaces `[start, end)` sit between a word and punctuation that
 * closes it. Not when the punctuation starts something (`.5`, `.NET`, `:)`),
 * belongs to a spaced ellipsis (`wait . . .`) or follows a digit (`3 : 2`).
 */
function spaceBeforePunctuation(text: string, start: number, end: number): boolean {
  const mark = text[end] ?? ''
  if (!punctuation.has(mark)) return false
  // A no-break space before `!`, `?`, `:` or `;` is French typography.
  if (text.slice(start, end).includes('\u00a0')) return false
  // After a word, a closing bracket or any quote (a quote policy may run later).
  if (
    !/[\p{L}\p{N})\]"'\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a]/u.test(
      text[start - 1] ?? '',
    )
  ) {
    return false
  }
  if (mark === ':' && /\p{N}/u.test(text[start - 1] ?? '')) return false
  const after = text[end + 1]
  if (
    after !== undefined &&
    !closing.has(after) &&
    !(mark !== '.' && (after === '!' || after === '?'))
  ) {
    return false
  }
  // `. . .`: a dot followed by more spaced dots.
  if (mark === '.' && (after === ' ' || after === '\t') && text[end + 2] === '.') return false
  return true
}

/**
 * Whether the line break in `[start, end)` cut a sentence: the next line
 * starts with a lowercase letter and the line before does not end with a
 * hyphen (a hyphenated word or a dash: which one cannot be told).
 */
function continuesSentence(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ''
  const next = text[end] ?? ''
  // Every dash form: a quote policy turns `--` into `—` and back.
  return /\p{Ll}/u.test(next) && !/[-\u00ad\u2010-\u2015]/.test(before)
}

function describe(ruleId: string): string {
  switch (ruleId) {
    case 'leading-blank-lines':
      return 'blank lines at the start'
    case 'extra-blank-lines':
      return 'extra blank lines'
    case 'repeated-space':
      return 'repeated spaces'
    case 'space-before-punctuation':
      return 'space before punctuation'
    case 'joined-line':
      return 'line break inside a sentence'
    default:
      return 'trailing whitespace'
  }
}

export default normaliseWhitespace
