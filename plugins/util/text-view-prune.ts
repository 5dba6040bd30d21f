/**
 * Tidying the tree after `applyEdits`: parents left without children are
 * dropped, and sentences an edit ran across are merged.
 */
import type {Paragraph, Root, Sentence, Source, WhiteSpace} from 'nlcst'
import type {Literal, Parent, SentencePlace} from './text-view-walk.js'

/** Remove `child` from `parent`'s children; false when it is not there. */
function detach(parent: Parent, child: Parent): boolean {
  const children = parent.children as Array<Literal | Parent>
  if (!children.includes(child)) return false
  parent.children = children.filter((node) => node !== child) as typeof parent.children
  return true
}

/**
 * Drop the parents an edit emptied and the ancestors they leave empty (a word
 * from its sentence, a sentence from its paragraph, a paragraph from the
 * root), as `dropEmpty` would. False when a parent's place in the tree is not
 * known from its sentence: then `dropEmpty` finishes the job.
 */
export function dropEmptied(
  root: Root,
  emptied: readonly Parent[],
  places: ReadonlyMap<Parent, SentencePlace | undefined>,
): boolean {
  for (const parent of emptied) {
    const place = places.get(parent)
    if (parent === root || parent.children.length > 0) continue
    if (!place) return false
    if (parent !== place.sentence) {
      if (parent.type !== 'WordNode' || !detach(place.sentence, parent)) return false
      if (place.sentence.children.length > 0) continue
    }
    if (!detach(place.parent, place.sentence)) return false
    if (place.parent === root || place.parent.children.length > 0) continue
    if (!detach(root, place.parent)) return false
  }
  return true
}

/** Remove words, sentences and paragraphs left with no children. */
export function dropEmpty(root: Parent | undefined): void {
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

export function joinSentences(from: Sentence, to: Sentence, parent: Paragraph | Root): void {
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
