/**
 * A flat view of an NLCST tree as one string, so that cleaners can find spans
 * with string search and still edit the tree, and every offset can be mapped
 * back to the original text.
 *
 * Leaves keep the positions the parser gave them. A leaf whose value still has
 * the length of its original span is "pristine" and maps character for
 * character; an edited leaf maps its start to its original start and anything
 * after that to its original end.
 */
import type {
  Paragraph,
  Punctuation,
  Root,
  Sentence,
  Source,
  Symbol as SymbolNode,
  Text,
  WhiteSpace,
  Word,
} from 'nlcst'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

export type Literal = Text | WhiteSpace | Punctuation | SymbolNode | Source
export type Parent = Root | Paragraph | Sentence | Word

/** A sentence and the paragraph (or root) that holds it. */
export interface SentencePlace {
  readonly sentence: Sentence
  readonly parent: Paragraph | Root
}

export interface Leaf {
  readonly node: Literal
  /** Offset of the leaf in the view text. */
  readonly start: number
  /** The leaf's parent. */
  readonly parent: Parent
  /** The sentence the leaf is in, if any. */
  readonly sentence: SentencePlace | undefined
}

/** A replacement of view text `[start, end)` by `text` (`''` removes). */
export interface Edit {
  start: number
  end: number
  text: string
}

function isPristine(node: Literal): boolean {
  const position = node.position
  return (
    position?.start.offset !== undefined &&
    position.end.offset !== undefined &&
    position.end.offset - position.start.offset === node.value.length
  )
}

export class TextView {
  /** The text as the tree now reads. */
  readonly text: string
  readonly leaves: readonly Leaf[]
  /** The tree the view reads. */
  readonly root: Root
  private readonly starts: number[]

  constructor(tree: Root) {
    const leaves: Leaf[] = []
    const starts: number[] = []
    const parts: string[] = []
    let offset = 0
    // No array per node: every view is built by several plugins per document.
    const walk = (parent: Parent, sentence: SentencePlace | undefined): void => {
      for (const child of parent.children) {
        if ('children' in child) {
          const inner =
            child.type === 'SentenceNode' &&
            (parent.type === 'ParagraphNode' || parent.type === 'RootNode')
              ? {sentence: child, parent}
              : sentence
          walk(child, inner)
        } else {
          leaves.push({node: child, start: offset, parent, sentence})
          starts.push(offset)
          parts.push(child.value)
          offset += child.value.length
        }
      }
    }
    walk(tree, undefined)
    this.text = parts.join('')
    this.leaves = leaves
    this.root = tree
    this.starts = starts
  }

  /** Index of the leaf that holds view offset `offset` (the last leaf for the end). */
  leafIndexAt(offset: number): number {
    const starts = this.starts
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    // Skip empty leaves so the offset really lies inside the leaf found.
    while (low > 0 && (this.leaves[low]?.node.value.length ?? 0) === 0) low--
    return low
  }

  /** Map a view offset to an offset in the original text. */
  toOriginal(offset: number): number {
    if (this.leaves.length === 0) return offset
    const leaf = this.leaves[this.leafIndexAt(offset)]
    if (!leaf) return offset
    const position = leaf.node.position
    const local = offset - leaf.start
    if (position?.start.offset === undefined || position.end.offset === undefined) {
      return this.nearestOriginal(leaf)
    }
    if (isPristine(leaf.node))
      return position.start.offset + Math.min(local, leaf.node.value.length)
    return local <= 0 ? position.start.offset : position.end.offset
  }

  private nearestOriginal(leaf: Leaf): number {
    const index = this.leaves.indexOf(leaf)
    for (let i = index - 1; i >= 0; i--) {
      const end = this.leaves[i]?.node.position?.end.offset
      if (end !== undefined) return end
    }
    return 0
  }
}

/** Line indexes by file: `location()` scans the whole text, once per file, not once per edit. */
const locations = new WeakMap<VFile, {value: unknown; place: ReturnType<typeof location>}>()

function locationOf(file: VFile): ReturnType<typeof location> {
  const cached = locations.get(file)
  if (cached && cached.value === file.value) return cached.place
  const place = location(file)
  locations.set(file, {value: file.value, place})
  return place
}

/** Make a unist position for original offsets `[start, end)` of `file`. */
export function positionOf(file: VFile, start: number, end: number): Position {
  const place = locationOf(file)
  const toPoint = (offset: number): Point => {
    const point = place.toPoint(offset)
    return point
      ? {line: point.line, column: point.column, offset}
      : {line: 1, column: offset + 1, offset}
  }
  return {start: toPoint(start), end: toPoint(end)}
}

interface Piece {
  value: string
  start: number | undefined
  end: number | undefined
}

/**
 * Apply non-overlapping edits (view offsets) to the tree behind `view`.
 * Leaves are split so that kept text keeps its exact original position; the
 * replacement text, if any, gets the original span it replaces. Emptied words,
 * sentences and paragraphs are dropped, and sentences that an edit joined are
 * merged into one. Of overlapping edits, the first is kept.
 *
 * Every leaf is rebuilt once with all the edits that touch it, and every
 * parent's children once, so many edits cost time linear in the tree.
 */
export function applyEdits(file: VFile, view: TextView, edits: readonly Edit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const joins: Array<[Sentence, Sentence, Paragraph | Root]> = []
  const operations = new Map<number, LeafOperation[]>()
  let reached = -1
  for (const edit of sorted) {
    if (edit.end > view.text.length || edit.start < 0 || edit.end < edit.start) continue
    if (edit.start < reached) continue // overlaps the edit before it
    reached = Math.max(edit.end, edit.start + (edit.end === edit.start ? 0 : 1))
    const first = view.leafIndexAt(edit.start)
    const lastLeaf = edit.end > edit.start ? view.leafIndexAt(edit.end - 1) : first
    const from = sentenceOf(view.leaves[first])
    const to = joinTarget(view, from, edit, lastLeaf)
    if (from && to && from.sentence !== to.sentence && from.parent === to.parent) {
      joins.push([from.sentence, to.sentence, from.parent])
    }
    const mid = {
      value: edit.text,
      start: view.toOriginal(edit.start),
      end: view.toOriginal(edit.end),
    }
    for (let index = first; index <= lastLeaf; index++) {
      const leaf = view.leaves[index]
      if (!leaf) continue
      const length = leaf.node.value.length
      const a = Math.max(edit.start, leaf.start) - leaf.start
      const b = Math.min(edit.end, leaf.start + length) - leaf.start
      if (b < a) continue
      const list = operations.get(index) ?? []
      list.push({a, b, mid: index === first ? mid : undefined})
      operations.set(index, list)
    }
  }
  // Replacements per parent, applied in one pass over each parent's children.
  const byParent = new Map<Parent, Map<Literal, Literal[]>>()
  for (const [index, list] of operations) {
    const leaf = view.leaves[index]
    const parent = leaf?.parent
    if (!leaf || !parent) continue
    const replacements = byParent.get(parent) ?? new Map<Literal, Literal[]>()
    replacements.set(leaf.node, rebuildLeaf(file, leaf.node, list))
    byParent.set(parent, replacements)
  }
  for (const [parent, replacements] of byParent) {
    const children = parent.children as Array<Literal | Parent>
    parent.children = children.flatMap(
      (child): Array<Literal | Parent> =>
        'value' in child ? (replacements.get(child) ?? [child]) : [child],
    ) as typeof parent.children
  }
  for (const [from, to, parent] of joins) joinSentences(from, to, parent)
  if (byParent.size > 0) dropEmpty(view.root)
}

/**
 * The sentence an edit joins to the one it starts in: the sentence it ends
 * in or, when it removes the end of its first sentence (its closing
 * punctuation), the next sentence after it in the same paragraph.
 */
function joinTarget(
  view: TextView,
  from: ReturnType<typeof sentenceOf>,
  edit: Edit,
  lastLeaf: number,
): ReturnType<typeof sentenceOf> {
  const to = sentenceOf(view.leaves[lastLeaf])
  if (!from || (to && to.sentence !== from.sentence)) return to
  // The edit leaves the end of its first sentence alone: nothing to join.
  const next = view.leaves[lastLeaf + 1]
  if (edit.end === edit.start || (next && sentenceOf(next)?.sentence === from.sentence)) return to
  for (let index = lastLeaf + 1; index < view.leaves.length; index++) {
    const leaf = view.leaves[index]
    if (!leaf) break
    if (leaf.node.type === 'WhiteSpaceNode' && leaf.node.value.includes('\n\n')) break
    const found = sentenceOf(leaf)
    if (found && found.sentence !== from.sentence) return found.parent === from.parent ? found : to
  }
  return to
}

interface LeafOperation {
  /** Start of the edited part, in the leaf's value. */
  a: number
  /** End of the edited part, in the leaf's value. */
  b: number
  /** The replacement, on the first leaf an edit touches. */
  mid: Piece | undefined
}

function sentenceOf(leaf: Leaf | undefined): SentencePlace | undefined {
  return leaf?.sentence
}

/** The leaves that replace `node` once every operation on it is applied. */
function rebuildLeaf(file: VFile, node: Literal, operations: LeafOperation[]): Literal[] {
  const value = node.value
  const pieces: Piece[] = []
  const origin = node.position?.start.offset
  const ordered = [...operations].sort((x, y) => x.a - y.a)
  if (isPristine(node) && origin !== undefined) {
    let cursor = 0
    for (const {a, b, mid} of ordered) {
      pieces.push({value: value.slice(cursor, a), start: origin + cursor, end: origin + a})
      if (mid) pieces.push(mid)
      cursor = b
    }
    pieces.push({value: value.slice(cursor), start: origin + cursor, end: origin + value.length})
  } else {
    let text = ''
    let cursor = 0
    for (const {a, b, mid} of ordered) {
      text += value.slice(cursor, a) + (mid?.value ?? '')
      cursor = b
    }
    text += value.slice(cursor)
    pieces.push({value: text, start: node.position?.start.offset, end: node.position?.end.offset})
  }
  const replacements: Literal[] = []
  for (const piece of pieces) {
    if (piece.value.length === 0) continue
    const copy = {type: node.type, value: piece.value} as Literal
    if (piece.start !== undefined && piece.end !== undefined) {
      copy.position = positionOf(file, piece.start, piece.end)
    }
    replacements.push(copy)
  }
  return replacements
}

/** Remove words, sentences and paragraphs left with no children. */
function dropEmpty(root: Parent | undefined): void {
  if (!root) return
  const prune = (parent: Parent): void => {
    const children = parent.children as Array<Literal | Parent>
    let emptied = false
    for (const child of children) {
      if ('children' in child) {
        prune(child)
        if (child.children.length === 0) emptied = true
      }
    }
    if (emptied) {
      parent.children = children.filter(
        (child) => !('children' in child) || child.children.length > 0,
      ) as typeof parent.children
    }
  }
  prune(root)
}

function joinSentences(from: Sentence, to: Sentence, parent: Paragraph | Root): void {
  const children = parent.children as Array<Paragraph | Sentence | WhiteSpace | Source>
  const i = children.indexOf(from)
  const j = children.indexOf(to)
  if (i === -1 || j === -1 || j <= i) return
  const merged: Sentence['children'] = []
  for (const child of children.slice(i, j + 1)) {
    if (child.type === 'SentenceNode') merged.push(...child.children)
    else if (child.type === 'WhiteSpaceNode' || child.type === 'SourceNode') merged.push(child)
  }
  from.children = merged
  children.splice(i + 1, j - i)
}
