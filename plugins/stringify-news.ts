import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {sharedTextOf} from './util/text-view.js'
import {appendText, type Parent} from './util/text-view-walk.js'

type Node = Root | Root['children'][number]

/**
 * The text of an NLCST tree, as `nlcst-to-string` (and so retext-stringify)
 * gives it: a node with a `value` is its value, any other node the text of its
 * leaves in order. The leaves are read by `appendText`, the walk the cleaners'
 * shared text view reads a tree with, which grows one string instead of an
 * array a level joined back up (V8 appends in constant time, a rope flattened
 * once when read): the arrays were a tenth of the garbage of cleaning an
 * article. (Unlike nlcst-to-string, a node that has both a value and children,
 * which NLCST never has, is read by its children.)
 */
export function stringifyNewsTree(tree: Node): string {
  return 'value' in tree ? (tree.value ?? '') : appendText(tree as Parent, '')
}

export interface Options {
  /**
   * Read the text off the tree's shared text view when it has one, instead
   * of walking the tree (default: `false`). copydesk's cleaners keep that
   * view as they edit (`applyEdits`); only for a chain in which no other
   * plugin edits the tree, since the view would not see its edits.
   */
  readonly sharedView?: boolean | null | undefined
}

/**
 * Unified compiler for news trees: the text of the tree, exactly as
 * retext-stringify writes it (see {@link stringifyNewsTree}).
 */
const stringifyNews: Plugin<[(Readonly<Options> | null | undefined)?], Root, string> = function (
  options,
) {
  this.compiler = options?.sharedView
    ? (tree) => sharedTextOf(tree as Root) ?? stringifyNewsTree(tree as Root)
    : (tree) => stringifyNewsTree(tree as Root)
}

export default stringifyNews
