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
import type {Root} from 'nlcst'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {
  appendText,
  type Collector,
  collect,
  type LeafIndex,
  type Literal,
  type Reading,
  spells,
} from './text-view-walk.js'

export type {LeafIndex, Literal, Parent, SentencePlace} from './text-view-walk.js'

/** A replacement of view text `[start, end)` by `text` (`''` removes). */
export interface Edit {
  start: number
  end: number
  text: string
}

/** Whether a leaf still has the length of its original span: it then maps character for character. */
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
  /** The root child the index starts at (it runs to the end of the tree). */
  #from = 0
  /**
   * Offsets of the root's children, when known and the tree is plain: the
   * index can then start at any of them. Valid before `#from` (edits only
   * happen inside the index).
   */
  #rootStarts: number[] | undefined

  /**
   * A view of `tree` as it reads now. Cleaners use the shared `viewOf(tree, file)`
   * instead; `text` and `index`, when given, must be what a walk would find.
   */
  constructor(tree: Root, text?: string, index?: LeafIndex) {
    this.root = tree
    this.#text = text
    this.#index = index
  }

  /**
   * A view of a tree that spells `text`, with what the check learned: most
   * edits are near the end of a text (a trailing line break, a control
   * character), and the index is then built from the root child before them.
   */
  static spelling(tree: Root, text: string, reading: Reading): TextView {
    const view = new TextView(tree, text)
    // Indexed from the middle only when every leaf has a value and a position
    // and no parent is empty: leaf lookups then never look back past the start.
    if (reading.plain && !reading.hasEmptyParent) view.#rootStarts = reading.rootStarts
    return view
  }

  /** The text as the tree now reads. */
  get text(): string {
    if (this.#text === undefined) this.#text = appendText(this.root, '')
    return this.#text
  }

  /** Every leaf in text order, walked on first use. */
  get index(): LeafIndex {
    return this.indexFrom(0)
  }

  /**
   * The leaves from the one holding view offset `offset` to the end (the
   * index may start earlier). Leaf numbers stay valid until a call with a
   * smaller offset; callers that hold them ask for their smallest offset first.
   */
  indexFrom(offset: number): LeafIndex {
    const starts = this.#rootStarts
    const index = this.#index
    let from = 0
    if (starts !== undefined) {
      // One child of margin: an offset at a child's start may map into the one before.
      from = Math.max(0, lastAtOrBefore(starts, offset) - 1)
    }
    if (index !== undefined && this.#from <= from) return index
    const to = index === undefined ? this.root.children.length : this.#from
    const collector: Collector = {
      nodes: [],
      starts: [],
      parents: [],
      sentences: [],
      hasEmptyParent: false,
      offset: starts?.[from] ?? 0,
      candidate: undefined,
    }
    collect(collector, this.root, undefined, from, to)
    const part: LeafIndex = index
      ? {
          nodes: [...collector.nodes, ...index.nodes],
          starts: [...collector.starts, ...index.starts],
          parents: [...collector.parents, ...index.parents],
          sentences: [...collector.sentences, ...index.sentences],
          hasEmptyParent: collector.hasEmptyParent || index.hasEmptyParent,
        }
      : collector
    if (this.#text === undefined) this.#text = part.nodes.map((node) => node.value).join('')
    this.#index = part
    this.#from = from
    return part
  }

  /**
   * Follow an edit of the tree: the view now reads `text`, its index updated
   * in place by the editor (`applyEdits`, which also pruned any parent left
   * empty); without `text`, it walks the tree again when next read.
   */
  sync(text: string | undefined): void {
    this.#text = text
    if (text === undefined) {
      this.#index = undefined
      this.#rootStarts = undefined
      this.#from = 0
    }
  }

  /** Index of the leaf that holds view offset `offset` (the last leaf for the end). */
  leafIndexAt(offset: number): number {
    const {starts, nodes} = this.indexFrom(offset)
    let low = lastAtOrBefore(starts, offset)
    // Skip empty leaves so the offset really lies inside the leaf found.
    while (low > 0 && (nodes[low]?.value.length ?? 0) === 0) low--
    return low
  }

  /** Map a view offset to an offset in the original text. */
  toOriginal(offset: number): number {
    const {nodes, starts} = this.indexFrom(offset)
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
    // Only reached for a leaf without a position: such a tree is indexed whole.
    const nodes = this.#index?.nodes ?? []
    for (let i = at - 1; i >= 0; i--) {
      const end = nodes[i]?.position?.end.offset
      if (end !== undefined) return end
    }
    return 0
  }
}

/** Index of the last of the ascending `starts` at or before `offset` (`0` when none is). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low
}

// The shared view of each tree, until the tree is edited, is kept on the tree
// itself under a symbol, not in a module-level `WeakMap`: a view holds its
// tree, and V8's young-generation collector keeps a `WeakMap` value (and so
// its key) alive, so every tree with its view was promoted to the old
// generation and freed only by a full collection. The property is not
// enumerable, so JSON, structured clones and deep equality never see it.
const viewKey = Symbol('copydesk text view')

type ViewedRoot = Root & {[viewKey]?: TextView | undefined}

function sharedView(tree: Root): TextView | undefined {
  return (tree as ViewedRoot)[viewKey]
}

function setSharedView(tree: Root, view: TextView | undefined): void {
  const holder = tree as ViewedRoot
  if (Object.hasOwn(holder, viewKey)) holder[viewKey] = view
  else Object.defineProperty(holder, viewKey, {value: view, writable: true, configurable: true})
}

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
  let view = sharedView(tree)
  if (!view) {
    const value = file === undefined ? undefined : String(file.value)
    const reading: Reading = {rootStarts: [], plain: true, hasEmptyParent: false}
    view =
      value !== undefined && spells(tree, value, 0, reading) === value.length
        ? TextView.spelling(tree, value, reading)
        : new TextView(tree)
    setSharedView(tree, view)
  }
  return view
}

/**
 * The text of `tree`'s shared view, if it has one (the text as the tree now
 * reads, when every edit went through `applyEdits`), else `undefined`.
 */
export function sharedTextOf(tree: Root): string | undefined {
  return sharedView(tree)?.text
}

/** Drop the shared view of `tree`: its next `viewOf` walks the tree again. */
export function forgetView(tree: Root): void {
  if (sharedView(tree)) setSharedView(tree, undefined)
}

/** Make `view` the shared view of its tree (after an edit that it reflects). */
export function shareView(view: TextView): void {
  setSharedView(view.root, view)
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
