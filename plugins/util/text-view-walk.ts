/**
 * Walks of an NLCST tree for `TextView`: its text, a check of its leaves
 * against a known text, and the index of its leaves. Plain recursive loops
 * over `children`, no object per leaf: every document is walked.
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

export type Literal = Text | WhiteSpace | Punctuation | SymbolNode | Source
export type Parent = Root | Paragraph | Sentence | Word

/** A sentence and the paragraph (or root) that holds it. */
export interface SentencePlace {
  readonly sentence: Sentence
  readonly parent: Paragraph | Root
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
export function childrenOf(
  node: Literal | Parent | Paragraph | Sentence,
): Parent['children'] | undefined {
  return (node as {children?: Parent['children']}).children
}

/** The text of `parent`'s leaves, appended to `text`. */
export function appendText(parent: Parent, text: string): string {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Literal | Parent
    const inner = childrenOf(child)
    // A node with neither a value nor children adds nothing, as in nlcst-to-string.
    text =
      inner === undefined
        ? text + ((child as Literal).value ?? '')
        : appendText(child as Parent, text)
  }
  return text
}

/** What a check of the leaves against a text learns on the way. */
export interface Reading {
  /** View offset of each child of the root. */
  readonly rootStarts: number[]
  /** Every leaf has a value and a position (what indexing from the middle relies on). */
  plain: boolean
  hasEmptyParent: boolean
}

/**
 * Whether `parent`'s leaves, from `offset` on, spell `candidate`: returns the
 * offset reached, or -1. Compares in place: no string is built.
 */
export function spells(
  parent: Parent,
  candidate: string,
  offset: number,
  reading: Reading,
): number {
  const children = parent.children
  if (children.length === 0) reading.hasEmptyParent = true
  for (let index = 0; index < children.length && offset !== -1; index++) {
    const child = children[index] as Literal | Parent
    if (parent.type === 'RootNode') reading.rootStarts.push(offset)
    if (childrenOf(child) === undefined) {
      const leaf = child as Literal
      const value = leaf.value
      const position = leaf.position
      if (
        value.length === 0 ||
        position?.start.offset === undefined ||
        position.end.offset === undefined
      ) {
        reading.plain = false
      }
      offset = candidate.startsWith(value, offset) ? offset + value.length : -1
    } else {
      offset = spells(child as Parent, candidate, offset, reading)
    }
  }
  return offset
}

export interface Collector extends LeafIndex {
  offset: number
  /**
   * A text the leaves are checked against as they are collected (in place:
   * no string is built); dropped at the first leaf that differs.
   */
  candidate: string | undefined
}

/**
 * Collect the leaves under `parent`'s children `[from, to)` (all of them by
 * default), with the sentence each is in.
 */
export function collect(
  collector: Collector,
  parent: Parent,
  sentence: SentencePlace | undefined,
  from = 0,
  to = parent.children.length,
): void {
  const children = parent.children
  if (children.length === 0) collector.hasEmptyParent = true
  for (let index = from; index < to; index++) {
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
