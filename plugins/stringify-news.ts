import type {Root} from 'nlcst'
import type {Plugin} from 'unified'

type Node = Root | Root['children'][number]

/**
 * The text of an NLCST tree, as `nlcst-to-string` (and so retext-stringify)
 * gives it: a node with a `value` is its value, any other node the text of its
 * children in order.
 *
 * One string grown leaf by leaf instead of an array a level joined back up:
 * V8 appends in constant time (a rope, flattened once when read), and the
 * arrays were a tenth of the garbage of cleaning an article.
 */
export function stringifyNewsTree(tree: Node): string {
  if ('value' in tree) return tree.value ?? ''
  let text = ''
  const append = (parent: {children: readonly Node[]}): void => {
    const children = parent.children
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Node
      if ('value' in child) text += child.value ?? ''
      else if (child.children) append(child)
    }
  }
  append(tree)
  return text
}

/**
 * Unified compiler for news trees: the text of the tree, exactly as
 * retext-stringify writes it (see {@link stringifyNewsTree}).
 */
const stringifyNews: Plugin<[], Root, string> = function () {
  this.compiler = (tree) => stringifyNewsTree(tree as Root)
}

export default stringifyNews
