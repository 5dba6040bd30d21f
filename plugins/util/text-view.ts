/**
 * A flat view of an NLCST tree as one string, so that cleaners can find spans
 * with string search and still edit the tree, and every offset can be mapped
 * back to the original text.
 *
 * Leaves keep the positions the parser gave them. A leaf whose value still has
 * the length of its original span is "pristine" and maps character for
 * character; an edited leaf maps its start to its original start and anything
 * after that to its original end.
 *
 * A view is lazy: its text comes from one walk of the tree, and its index of
 * leaves (offsets, parents, sentences) from a walk made only when a caller
 * maps offsets or edits. The cleaners share one view per tree (`viewOf`): a
 * walk is most of what a cleaner that finds nothing costs, and most find
 * nothing. `applyEdits` hands the next cleaner a view updated from the edits,
 * without walking the tree again.
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

/** A replacement of view text `[start, end)` by `text` (`''` removes). */
export interface Edit {
  start: number
  end: number
  text: string
}

/**
 * The leaves of a tree in text order, as parallel arrays (no object per
 * leaf: a view is built for every document, and its garbage was most of the
 * cleaners' collector time).
 */
export interface LeafIndex {
  readonly nodes: Literal[]
  /** Offset of each leaf in the view text. */
  readonly starts: number[]
  readonly parents: Parent[]
  /** The sentence each leaf is in, if any. */
  readonly sentences: Array<SentencePlace | undefined>
  /** Whether the tree holds a parent without children (`applyEdits` prunes them). */
  hasEmptyParent: boolean
}

/** Whether `node` is a parent. A property read: the `in` operator is slower on these mixed shapes. */
function childrenOf(node: Literal | Parent | Paragraph | Sentence): Parent['children'] | undefined {
  return (node as {children?: Parent['children']}).children
}

/** The text of `parent`'s leaves, appended to `text`. */
function appendText(parent: Parent, text: string): string {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Literal | Parent
    const inner = childrenOf(child)
    text = inner === undefined ? text + (child as Literal).value : appendText(child as Parent, text)
  }
  return text
}

/**
 * Whether `parent`'s leaves, from `offset` on, spell `candidate`: returns the
 * offset reached, or -1. Compares in place: no string is built.
 */
function spells(parent: Parent, candidate: string, offset: number): number {
  const children = parent.children
  for (let index = 0; index < children.length && offset !== -1; index++) {
    const child = children[index] as Literal | Parent
    if (childrenOf(child) === undefined) {
      const value = (child as Literal).value
      offset = candidate.startsWith(value, offset) ? offset + value.length : -1
    } else {
      offset = spells(child as Parent, candidate, offset)
    }
  }
  return offset
}

interface Collector extends LeafIndex {
  offset: number
  /**
   * A text the leaves are checked against as they are collected (in place:
   * no string is built); dropped at the first leaf that differs.
   */
  candidate: string | undefined
}

function collect(collector: Collector, parent: Parent, sentence: SentencePlace | undefined): void {
  const children = parent.children
  if (children.length === 0) collector.hasEmptyParent = true
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Literal | Parent
    if (childrenOf(child) === undefined) {
      const leaf = child as Literal
      collector.nodes.push(leaf)
      collector.starts.push(collector.offset)
      collector.parents.push(parent)
      collector.sentences.push(sentence)
      if (
        collector.candidate !== undefined &&
        !collector.candidate.startsWith(leaf.value, collector.offset)
      ) {
        collector.candidate = undefined
      }
      collector.offset += leaf.value.length
    } else {
      const inner =
        child.type === 'SentenceNode' &&
        (parent.type === 'ParagraphNode' || parent.type === 'RootNode')
          ? {sentence: child, parent}
          : sentence
      collect(collector, child as Parent, inner)
    }
  }
}

export function isPristine(node: Literal): boolean {
  const position = node.position
  return (
    position?.start.offset !== undefined &&
    position.end.offset !== undefined &&
    position.end.offset - position.start.offset === node.value.length
  )
}

export class TextView {
  /** The tree the view reads. */
  readonly root: Root
  #text: string | undefined
  #index: LeafIndex | undefined

  /**
   * A view of `tree` as it reads now. Cleaners use the shared `viewOf(tree, file)`
   * instead; `text` and `index`, when given, must be what a walk would find.
   */
  constructor(tree: Root, text?: string, index?: LeafIndex) {
    this.root = tree
    this.#text = text
    this.#index = index
  }

  /** The text as the tree now reads. */
  get text(): string {
    if (this.#text === undefined) this.#text = appendText(this.root, '')
    return this.#text
  }

  /** The leaves in text order, walked on first use. */
  get index(): LeafIndex {
    if (this.#index === undefined) this.read(undefined)
    return this.#index as LeafIndex
  }

  /**
   * Walk the tree once for the index and, unless known, the text: `candidate`
   * when the leaves spell it (most trees, before any edit, spell their file),
   * else the leaves' values joined.
   */
  read(candidate: string | undefined): void {
    const collector: Collector = {
      nodes: [],
      starts: [],
      parents: [],
      sentences: [],
      hasEmptyParent: false,
      offset: 0,
      candidate: this.#text === undefined ? candidate : undefined,
    }
    collect(collector, this.root, undefined)
    this.#index = collector
    if (this.#text !== undefined) return
    this.#text =
      collector.candidate !== undefined && collector.offset === collector.candidate.length
        ? collector.candidate
        : collector.nodes.map((node) => node.value).join('')
  }

  /**
   * Follow an edit of the tree: the view now reads `text`, its index updated
   * in place by the editor (`applyEdits`); without `text`, it walks the tree
   * again when next read.
   */
  sync(text: string | undefined): void {
    this.#text = text
    if (text === undefined) this.#index = undefined
  }

  /** Index of the leaf that holds view offset `offset` (the last leaf for the end). */
  leafIndexAt(offset: number): number {
    const {starts, nodes} = this.index
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    // Skip empty leaves so the offset really lies inside the leaf found.
    while (low > 0 && (nodes[low]?.value.length ?? 0) === 0) low--
    return low
  }

  /** Map a view offset to an offset in the original text. */
  toOriginal(offset: number): number {
    const {nodes, starts} = this.index
    if (nodes.length === 0) return offset
    const at = this.leafIndexAt(offset)
    const node = nodes[at]
    if (!node) return offset
    const position = node.position
    const local = offset - (starts[at] ?? 0)
    if (position?.start.offset === undefined || position.end.offset === undefined) {
      return this.nearestOriginal(at)
    }
    if (isPristine(node)) return position.start.offset + Math.min(local, node.value.length)
    return local <= 0 ? position.start.offset : position.end.offset
  }

  private nearestOriginal(at: number): number {
    const nodes = this.index.nodes
    for (let i = at - 1; i >= 0; i--) {
      const end = nodes[i]?.position?.end.offset
      if (end !== undefined) return end
    }
    return 0
  }
}

/** The shared view of each tree, until the tree is edited. */
const views = new WeakMap<Root, TextView>()

/**
 * The view of `tree` that the cleaners share. It stays valid while the tree
 * is edited only through `applyEdits`, which keeps it up to date; code that
 * edits the tree any other way must call `forgetView(tree)` after.
 *
 * Given the `file` the tree was parsed from, a tree that still spells the
 * file's text is checked leaf by leaf against it and reads it, instead of
 * building a copy: most trees are read before any edit. (The index is left
 * to first use: building it costs several times the check, mostly in the
 * collector, and texts without edits never need it.)
 */
export function viewOf(tree: Root, file?: VFile): TextView {
  let view = views.get(tree)
  if (!view) {
    const value = file === undefined ? undefined : String(file.value)
    const same = value !== undefined && spells(tree, value, 0) === value.length
    view = new TextView(tree, same ? value : undefined)
    views.set(tree, view)
  }
  return view
}

/** Drop the shared view of `tree`: its next `viewOf` walks the tree again. */
export function forgetView(tree: Root): void {
  views.delete(tree)
}

/** Make `view` the shared view of its tree (after an edit that it reflects). */
export function shareView(view: TextView): void {
  views.set(view.root, view)
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
