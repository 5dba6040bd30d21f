import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import data from './data/punctuation.json' with {type: 'json'}
import {recordChanges} from './util/changes.js'
import {findCurlyEdits, findStraightEdits} from './util/punctuation.js'
import {viewOf} from './util/text-view.js'

/** What to do with quotes, apostrophes, dashes and ellipses. */
export type QuotePolicy = 'preserve' | 'straight' | 'curly'

export interface Options {
  /**
   * `'preserve'` leaves them as they are (default); `'straight'` makes them
   * ASCII (`’` → `'`, `—` → `--`, `…` → `...`), for corpora; `'curly'` makes
   * straight ones typographic (`'90s` → `’90s`, `--` → `—`), for house style.
   */
  readonly policy?: QuotePolicy | null | undefined
}

export const source = 'normalise-punctuation'

const words: Record<string, string> = {
  'single-quote': 'single quote or apostrophe',
  'double-quote': 'double quote',
  dash: 'dash',
  ellipsis: 'ellipsis',
}

/**
 * Quotes, apostrophes, dashes and ellipses by policy. `curly` reuses
 * retext-smartypants and corrects it where it is wrong for news text.
 */
const normalisePunctuation: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const policy = options?.policy ?? 'preserve'
  return (tree, file) => {
    if (policy === 'preserve') return
    const view = viewOf(tree, file)
    const edits = policy === 'straight' ? findStraightEdits(view.text) : findCurlyEdits(tree, view)
    recordChanges(file, view, edits, {
      source,
      describe: (ruleId) =>
        `${policy === 'straight' ? 'typographic' : 'straight'} ${words[ruleId] ?? ruleId}`,
      note: () => data.source,
    })
  }
}

export default normalisePunctuation
