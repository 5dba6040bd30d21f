/**
 * The sentence-boundary gold set (`test/fixtures/sentences/gold.txt`) and its
 * scoring, shared by the tests and `npm run eval`.
 */
import {toString as nlcstToString} from 'nlcst-to-string'
import {parseNewsText} from '../plugins/parse-news.js'

/** One gold item: its text and the offsets where its sentences end (but the last). */
export interface GoldItem {
  text: string
  sentences: string[]
  boundaries: number[]
}

/** Read the gold format: blank-line separated items, a sentence a line, `¶ ` for a line break. */
export function readGold(source: string): GoldItem[] {
  const items: GoldItem[] = []
  for (const block of source.split(/\n[ \t]*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))
    if (lines.length === 0) continue
    let text = ''
    const boundaries: number[] = []
    const sentences: string[] = []
    for (const [index, line] of lines.entries()) {
      const newLine = line.startsWith('¶ ')
      const sentence = newLine ? line.slice(2) : line
      if (index > 0) {
        boundaries.push(text.length)
        text += newLine ? '\n' : ' '
      }
      sentences.push(sentence)
      text += sentence
    }
    items.push({text, sentences, boundaries})
  }
  return items
}

/** Sentence ends (but the last) that `parse-news` finds in `text`. */
export function predictedBoundaries(text: string): number[] {
  const ends: number[] = []
  for (const node of parseNewsText(text).children) {
    if (node.type !== 'ParagraphNode') continue
    for (const child of node.children) {
      const end = child.type === 'SentenceNode' ? child.position?.end.offset : undefined
      if (end !== undefined && end < text.trimEnd().length) ends.push(end)
    }
  }
  return ends
}

export interface BoundaryScore {
  precision: number
  recall: number
  /** Items where a boundary was missed or invented, with what was found. */
  errors: Array<{text: string; expected: string[]; found: string[]}>
}

/** Boundary precision and recall of `predict` over the gold items. */
export function scoreBoundaries(
  items: readonly GoldItem[],
  predict: (text: string) => number[] = predictedBoundaries,
): BoundaryScore {
  let truePositives = 0
  let predicted = 0
  let gold = 0
  const errors: BoundaryScore['errors'] = []
  for (const item of items) {
    const found = predict(item.text)
    const expected = new Set(item.boundaries)
    const hits = found.filter((offset) => expected.has(offset)).length
    truePositives += hits
    predicted += found.length
    gold += expected.size
    if (hits !== found.length || hits !== expected.size) {
      errors.push({text: item.text, expected: item.sentences, found: split(item.text, found)})
    }
  }
  return {
    precision: predicted === 0 ? 1 : truePositives / predicted,
    recall: gold === 0 ? 1 : truePositives / gold,
    errors,
  }
}

function split(text: string, ends: readonly number[]): string[] {
  const parts: string[] = []
  let start = 0
  for (const end of ends) {
    parts.push(text.slice(start, end).trim())
    start = end
  }
  parts.push(text.slice(start).trim())
  return parts
}

/** The text of a parsed tree, for round-trip checks. */
export const treeText = (text: string): string => nlcstToString(parseNewsText(text))
