/**
 * Editing the tree behind a `TextView` by view offsets, keeping every kept
 * character at its original position.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import {
  type Edit,
  isPristine,
  type LeafIndex,
  type Literal,
  type Parent,
  positionOf,
  type SentencePlace,
  shareView,
  type TextView,
} from './text-view.js'
import {dropEmptied, dropEmpty, joinSentences} from './text-view-prune.js'

interface Piece {
  value: string
  start: number | undefined
  end: number | undefined
}

interface LeafOperation {
  /** Start of the edited part, in the leaf's value. */
  a: number
  /** End of the edited part, in the leaf's value. */
  b: number
  /** The replacement, on the first leaf an edit touches. */
  mid: Piece | undefined
}

/**
 * Apply non-overlapping edits (view offsets) to the tree behind `view`.
 * Leaves are split so that kept text keeps its exact original position; the
 * replacement text, if any, gets the original span it replaces. Emptied words,
 * sentences and paragraphs are dropped, and sentences that an edit joined are
 * merged into one. Of overlapping edits, the first is kept.
 *
 * Every leaf is rebuilt once with all the edits that touch it, and every
 * parent's children once, so many edits cost time linear in the tree. Then
 * `view` reads the edited tree (updated from the edits, without a walk) and
 * is the tree's shared view (`viewOf`).
 */
export function applyEdits(file: VFile, view: TextView, edits: readonly Edit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const text = view.text
  // Every leaf number below is taken from this index: it must reach the first edit.
  let first = text.length
  for (const edit of sorted) first = Math.min(first, Math.max(0, edit.start))
  const index = view.indexFrom(first)
  const joins: Array<[Sentence, Sentence, Paragraph | Root]> = []
  const operations = new Map<number, LeafOperation[]>()
  let reached = -1
  for (const edit of sorted) {
    if (edit.end > text.length || edit.start < 0 || edit.end < edit.start) continue
    if (edit.start < reached) continue // overlaps the edit before it
    reached = Math.max(edit.end, edit.start + (edit.end === edit.start ? 0 : 1))
    const first = view.leafIndexAt(edit.start)
    const lastLeaf = edit.end > edit.start ? view.leafIndexAt(edit.end - 1) : first
    const from = index.sentences[first]
    const to = joinTarget(index, from, edit, lastLeaf)
    if (from && to && from.sentence !== to.sentence && from.parent === to.parent) {
      joins.push([from.sentence, to.sentence, from.parent])
    }
    const mid = {
      value: edit.text,
      start: view.toOriginal(edit.start),
      end: view.toOriginal(edit.end),
    }
    for (let at = first; at <= lastLeaf; at++) {
      const node = index.nodes[at]
      if (!node) continue
      const start = index.starts[at] ?? 0
      const a = Math.max(edit.start, start) - start
      const b = Math.min(edit.end, start + node.value.length) - start
      if (b < a) continue
      const list = operations.get(at) ?? []
      list.push({a, b, mid: at === first ? mid : undefined})
      operations.set(at, list)
    }
  }
  if (operations.size === 0) return
  // Replacements per parent, applied in one pass over each parent's children.
  const rebuilt = new Map<number, Literal[]>()
  const byParent = new Map<Parent, Map<Literal, Literal[]>>()
  const places = new Map<Parent, SentencePlace | undefined>()
  for (const [at, list] of operations) {
    const node = index.nodes[at]
    const parent = index.parents[at]
    if (!node || !parent) continue
    const replacements = rebuildLeaf(file, node, list)
    rebuilt.set(at, replacements)
    const inParent = byParent.get(parent) ?? new Map<Literal, Literal[]>()
    inParent.set(node, replacements)
    byParent.set(parent, inParent)
    places.set(parent, index.sentences[at])
  }
  const emptied: Parent[] = []
  for (const [parent, replacements] of byParent) {
    const children = parent.children as Array<Literal | Parent>
    parent.children = children.flatMap(
      (child): Array<Literal | Parent> =>
        'value' in child ? (replacements.get(child) ?? [child]) : [child],
    ) as typeof parent.children
    if (parent.children.length === 0) emptied.push(parent)
  }
  for (const [from, to, parent] of joins) joinSentences(from, to, parent)
  // Only a parent this edit emptied, or one the tree had, can need pruning; a
  // full pass over the tree when joins moved children or a place is not known.
  const pruned =
    !index.hasEmptyParent && joins.length === 0 && dropEmptied(view.root, emptied, places)
  if (!pruned) dropEmpty(view.root)
  index.hasEmptyParent = false
  // Joined sentences move leaves to another parent: walk again, when asked.
  if (joins.length > 0) view.sync(undefined)
  else view.sync(followEdits(text, index, rebuilt))
  shareView(view)
}

/** Scratch arrays of `followEdits`, empty between calls. */
const scratch = {
  nodes: [] as Array<Literal | undefined>,
  parents: [] as Array<Parent | undefined>,
  sentences: [] as Array<SentencePlace | undefined>,
}

/**
 * Update `index` in place to the tree once `rebuilt` (replacement leaves by
 * leaf index) is in place, and return the new text. Replacements stay in the
 * parent and sentence of the leaf they replace, and pruning drops only
 * parents without leaves, so only the leaves from the first edit on change.
 */
function followEdits(
  text: string,
  index: LeafIndex,
  rebuilt: ReadonlyMap<number, Literal[]>,
): string {
  const changed = [...rebuilt.keys()].sort((x, y) => x - y)
  const first = changed[0]
  if (first === undefined) return text
  const {nodes, starts, parents, sentences} = index
  const parts: string[] = []
  let cursor = 0
  for (const at of changed) {
    const start = starts[at] ?? 0
    parts.push(text.slice(cursor, start))
    for (const node of rebuilt.get(at) ?? []) parts.push(node.value)
    cursor = start + (nodes[at]?.value.length ?? 0)
  }
  parts.push(text.slice(cursor))
  // The leaves from the first edit on, as they now read, gathered in scratch
  // arrays kept between calls and written back by index: building four new
  // arrays a call, then truncating and pushing the index's own, made a
  // long text's part (its edits spread over thousands of leaves) allocate a
  // hundred times its size.
  let count = 0
  let next = 0
  for (let at = first; at < nodes.length; at++) {
    const parent = parents[at] as Parent
    const sentence = sentences[at]
    if (at === changed[next]) {
      next++
      for (const node of rebuilt.get(at) ?? []) {
        scratch.nodes[count] = node
        scratch.parents[count] = parent
        scratch.sentences[count] = sentence
        count++
      }
    } else {
      scratch.nodes[count] = nodes[at] as Literal
      scratch.parents[count] = parent
      scratch.sentences[count] = sentence
      count++
    }
  }
  let offset = starts[first] ?? 0
  for (let k = 0; k < count; k++) {
    const node = scratch.nodes[k] as Literal
    nodes[first + k] = node
    starts[first + k] = offset
    parents[first + k] = scratch.parents[k] as Parent
    sentences[first + k] = scratch.sentences[k]
    offset += node.value.length
  }
  nodes.length = first + count
  starts.length = first + count
  parents.length = first + count
  sentences.length = first + count
  // The scratch must not keep this tree alive.
  scratch.nodes.fill(undefined, 0, count)
  scratch.parents.fill(undefined, 0, count)
  scratch.sentences.fill(undefined, 0, count)
  return parts.join('')
}

/**
 * The sentence an edit joins to the one it starts in: the sentence it ends
 * in or, when it removes the end of its first sentence (its closing
 * punctuation), the next sentence after it in the same paragraph.
 */
function joinTarget(
  index: LeafIndex,
  from: SentencePlace | undefined,
  edit: Edit,
  lastLeaf: number,
): SentencePlace | undefined {
  const to = index.sentences[lastLeaf]
  if (!from || (to && to.sentence !== from.sentence)) return to
  // The edit leaves the end of its first sentence alone: nothing to join.
  const count = index.nodes.length
  if (
    edit.end === edit.start ||
    (lastLeaf + 1 < count && index.sentences[lastLeaf + 1]?.sentence === from.sentence)
  ) {
    return to
  }
  for (let at = lastLeaf + 1; at < count; at++) {
    const node = index.nodes[at]
    if (!node) break
    if (node.type === 'WhiteSpaceNode' && node.value.includes('\n\n')) break
    const found = index.sentences[at]
    if (found && found.sentence !== from.sentence) return found.parent === from.parent ? found : to
  }
  return to
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
