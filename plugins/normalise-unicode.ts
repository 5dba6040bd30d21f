import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import data from './data/unicode-characters.json' with {type: 'json'}
import {type RuleEdit, recordChanges} from './util/changes.js'
import {createsReference} from './util/entities.js'
import {viewOf} from './util/text-view.js'
import {
  type CharacterOptions,
  findCharacterEdits,
  findNormalisationEdits,
} from './util/unicode-chars.js'

export interface Options {
  /** Unicode normalisation form, or `false` for none (default: `'NFC'`; `'NFKC'` also folds compatibility characters). */
  readonly form?: 'NFC' | 'NFKC' | false | null | undefined
  /** Remove zero-width and control characters, except tab and line breaks (default: `true`). */
  readonly invisible?: boolean | null | undefined
  /** Remove soft hyphens (default: `true`). */
  readonly softHyphens?: boolean | null | undefined
  /**
   * No-break spaces to spaces: `'keep'` none (default: they are often meant,
   * `10\u00a0km`, `Mr.\u00a0Smith`), `'loose'` those next to other whitespace
   * (padding, not typography), `'all'` every one.
   */
  readonly noBreakSpaces?: 'keep' | 'loose' | 'all' | null | undefined
  /** Replace Latin ligatures (`ﬁ`) with their letters (default: `true`). */
  readonly ligatures?: boolean | null | undefined
  /** Replace full-width digits and Latin letters with ASCII ones (default: `false`). */
  readonly fullWidth?: boolean | null | undefined
}

export const source = 'normalise-unicode'

const descriptions: Record<string, string> = {
  'lone-surrogate': 'lone surrogate',
  'soft-hyphen': 'soft hyphen',
  'control-character': 'control character',
  'zero-width': 'zero-width character',
  'no-break-space': 'no-break space next to whitespace',
  ligature: 'ligature',
  'full-width': 'full-width character',
  nfc: 'text not in Unicode normalisation form C',
  nfkc: 'text not in Unicode normalisation form KC',
}

/**
 * Make text canonical Unicode: lone surrogates become U+FFFD; zero-width and
 * control characters, soft hyphens and stray joiners go (emoji ZWJ sequences
 * and joiners in Arabic or Indic words stay); ligatures become letters; then
 * NFC (or NFKC). Every change is recorded.
 */
const normaliseUnicode: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const form = options?.form === undefined || options.form === null ? 'NFC' : options.form
  const characters: CharacterOptions = {
    form,
    invisible: options?.invisible ?? true,
    softHyphens: options?.softHyphens ?? true,
    noBreakSpaces: options?.noBreakSpaces ?? 'keep',
    ligatures: options?.ligatures ?? true,
    fullWidth: options?.fullWidth ?? false,
  }
  const settings = {
    source,
    describe: (ruleId: string) => descriptions[ruleId] ?? ruleId,
    note: (ruleId: string) =>
      ruleId === 'nfc' || ruleId === 'nfkc' ? 'Unicode Standard Annex #15' : data.source,
  }
  return (tree, file) => {
    const view = viewOf(tree, file)
    recordChanges(file, view, safe(view.text, findCharacterEdits(view.text, characters)), settings)
    if (form === false) return
    // Normalise what the character pass left, so that a mark the removed
    // character kept apart from its letter composes with it now.
    const after = viewOf(tree, file)
    recordChanges(file, after, safe(after.text, findNormalisationEdits(after.text, form)), settings)
  }
}

/**
 * Drop edits that would glue characters into a new reference (`&` U+200B
 * `amp;`): decode-entities has run, and would decode it on a second run only.
 * Edits that touch act together, so they are judged as one.
 */
function safe(text: string, edits: RuleEdit[]): RuleEdit[] {
  const kept: RuleEdit[] = []
  let group: RuleEdit[] = []
  const flush = (): void => {
    const first = group[0]
    const last = group[group.length - 1]
    if (!first || !last) return
    const replacement = group.map((edit) => edit.text).join('')
    if (!createsReference(text, first.start, last.end, replacement)) kept.push(...group)
    group = []
  }
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (group.length > 0 && group[group.length - 1]?.end !== edit.start) flush()
    group.push(edit)
  }
  flush()
  return kept
}

export default normaliseUnicode
