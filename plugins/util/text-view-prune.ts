/**
 * Tidying the tree after `applyEdits`: parents left without children are
 * dropped, and sentences an edit ran across are merged.
 */
import type {Paragraph, Root, Sentence, Source, WhiteSpace} from 'nlcst'
import type {Literal, Parent, SentencePlace} from './text-view-walk.js'

/**
 * Remove every node of `gone` from `parent`'s children, in one pass (one
 * removal at a time made an article of many small edits quadratic); false,
 * and nothing removed, when some are not there.
 */
function detachAll(parent: Parent, gone: ReadonlySet<Parent>): boolean {
  const children = parent.children as Array<Literal | Parent>
  const kept = children.filter((node) => !gone.has(node as Parent))
  if (children.length - kept.length !== gone.size) return false
  parent.children = kept as typeof parent.children
  return true
}

function addTo(groups: Map<Parent, Set<Parent>>, parent: Parent, child: Parent): void {
  const group = groups.get(parent)
  if (group) group.add(child)
  else groups.set(parent, new Set([child]))
}

/**
 * Drop the parents an edit emptied and the ancestors they leave empty (a word
 * from its sentence, a sentence from its paragraph, a paragraph from the
 * root), as `dropEmpty` would, a level at a time. False when a parent's place
 * in the tree is not known from its sentence: then `dropEmpty` finishes the job.
 */
export function dropEmptied(
  root: Root,
  emptied: readonly Parent[],
  places: ReadonlyMap<Parent, SentencePlace | undefined>,
): boolean {
  const words = new Map<Parent, Set<Parent>>()
  const touched: SentencePlace[] = []
  for (const parent of emptied) {
    const place = places.get(parent)
    if (parent === root || parent.children.length > 0) continue
    if (!place) return false
    if (parent !== place.sentence) {
      if (parent.type !== 'WordNode') return false
      addTo(words, place.sentence, parent)
    }
    touched.push(place)
  }
  for (const [sentence, gone] of words) if (!detachAll(sentence, gone)) return false
  const sentences = new Map<Parent, Set<Parent>>()
  for (const place of touched) {
    if (place.sentence.children.length === 0) addTo(sentences, place.parent, place.sentence)
  }
  const paragraphs = new Set<Parent>()
  for (const [parent, gone] of sentences) {
    if (!detachAll(parent, gone)) return false
    if (parent !== root && parent.children.length === 0) paragraphs.add(parent)
  }
  return paragraphs.size === 0 || detachAll(root, paragraphs)
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
