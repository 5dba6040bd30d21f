/**
 * The original text of a record, rebuilt from its cleaned text and its edits.
 *
 * Records do not carry the input text (it would double their size), but every
 * removal keeps the removed text and every change keeps `before` and `after`,
 * all at offsets into the input. Walking the edits in order, the text between
 * two edits is the same in the input and in the cleaned text, so the input can
 * be rebuilt exactly; each step is checked (edits in order, not overlapping,
 * each `after` found where it should be in the cleaned text) and any failure
 * gives `null`, never a guessed text.
 */

/** One removal or change of a record. */
export interface EditInput {
  kind: 'removed' | 'changed'
  /** Index in the record's `removed` or `changes` list. */
  index: number
  ruleId: string
  source: string
  /** Span in the original (input) text. */
  start: number
  end: number
  before: string
  after: string
}

/** One removal or change, with its span in both texts. */
export interface PlacedEdit extends EditInput {
  /** Span its replacement takes in the cleaned text (empty for a removal). */
  cleanedStart: number
  cleanedEnd: number
}

export interface Reconstruction {
  original: string
  edits: PlacedEdit[]
}

/**
 * Rebuild the original text, or `null` when the edits do not account for the
 * cleaned text exactly (overlapping edits, a stale record, a dry run is handled
 * by the caller).
 */
export function reconstructOriginal(
  cleaned: string,
  edits: readonly EditInput[],
): Reconstruction | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const parts: string[] = []
  const placed: PlacedEdit[] = []
  let originalAt = 0
  let cleanedAt = 0
  for (const edit of sorted) {
    if (edit.start < originalAt || edit.end < edit.start) return null
    if (edit.before.length !== edit.end - edit.start) return null
    const gap = edit.start - originalAt
    if (cleanedAt + gap > cleaned.length) return null
    parts.push(cleaned.slice(cleanedAt, cleanedAt + gap), edit.before)
    cleanedAt += gap
    if (cleaned.slice(cleanedAt, cleanedAt + edit.after.length) !== edit.after) return null
    placed.push({...edit, cleanedStart: cleanedAt, cleanedEnd: cleanedAt + edit.after.length})
    cleanedAt += edit.after.length
    originalAt = edit.end
  }
  parts.push(cleaned.slice(cleanedAt))
  return {original: parts.join(''), edits: placed}
}

/**
 * True when `text` itself is the input: every edit's `before` stands at its
 * offsets. This is what a `--dry-run` record looks like (nothing was changed).
 */
export function isUnchangedInput(text: string, edits: readonly EditInput[]): boolean {
  return edits.length > 0 && edits.every((edit) => text.slice(edit.start, edit.end) === edit.before)
}

/** Maps offsets between the cleaned and the original text through placed edits. */
export class OffsetMap {
  constructor(private readonly edits: readonly PlacedEdit[]) {}

  /** Original offset of a cleaned offset (inside a replacement: the edit's start). */
  toOriginal(offset: number): number {
    let delta = 0
    for (const edit of this.edits) {
      if (offset < edit.cleanedStart) break
      if (offset < edit.cleanedEnd) return edit.start
      delta = edit.end - edit.cleanedEnd
    }
    return offset + delta
  }

  /** Cleaned offset of an original offset, or `null` when the character it bounds was edited. */
  toCleaned(offset: number, side: 'start' | 'end'): number | null {
    let delta = 0
    for (const edit of this.edits) {
      const inside =
        side === 'start'
          ? offset >= edit.start && offset < edit.end
          : offset > edit.start && offset <= edit.end
      if (inside) return null
      if (edit.end > offset) break
      delta = edit.cleanedEnd - edit.end
    }
    return offset + delta
  }
}
