import type {Root} from 'nlcst'

type Node =
  | Root
  | Root['children'][number]
  | Extract<Root['children'][number], {children: unknown}>['children'][number]

/**
 * The text of an NLCST node, as `nlcst-to-string` gives it, without its
 * per-level arrays: a word of one text node, the usual case, is read directly.
 */
export function textOf(node: Node): string {
  if ('value' in node) return node.value
  const children = node.children
  if (children.length === 1) {
    const only = children[0]
    if (only && 'value' in only) return only.value
  }
  // A sentence: its leaves and one-text words read in place, without a call each.
  let text = ''
  for (const child of children) {
    if ('value' in child) text += child.value
    else {
      const inner = child.children
      const only = inner.length === 1 ? inner[0] : undefined
      text += only && 'value' in only ? only.value : textOf(child)
    }
  }
  return text
}
