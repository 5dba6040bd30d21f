/**
 * Choosing the article among a page's text blocks. Each block gets a gain:
 * positive for paragraph-like prose, negative for link lists and scraps,
 * zero for furniture. The article is the element whose blocks add up to the
 * most (a maximum-sum subtree), nudged towards strong markup evidence
 * (`itemprop=articleBody`, `<article>`). Inside it, furniture, link lists and
 * call-to-action scraps are dropped.
 */
import type {Element, ParentNode} from 'domhandler'
import rules from '../../plugins/data/site-rules.json' with {type: 'json'}
import type {Block, Page, Scope} from './html-blocks.js'
import {contains} from './html-dom.js'

/** Tunable weights of the scoring, with the values measured best on the dev pages. */
export interface ScoreWeights {
  /** Blocks with more link text than this share are link lists. */
  readonly maxLinkDensity: number
  /** Characters from which a block counts as prose. */
  readonly proseChars: number
  /** Gain per character of a link list (negative). */
  readonly linkListGain: number
  /** Gain per character of a short scrap (negative). */
  readonly scrapGain: number
  /** Share of the best gain an evidence element needs to be preferred. */
  readonly evidenceShare: number
  /** Cut-short blocks on a page from which they are taken for a list of excerpts. */
  readonly minTeasers: number
  /** Share of a prose block's gain that reaches each next ancestor up. */
  readonly levelDecay: number
  /** How many times the prose outside furniture a furniture element must hold to be content. */
  readonly furnitureProseRatio: number
}

export const defaultWeights: ScoreWeights = {
  maxLinkDensity: 0.5,
  proseChars: 50,
  linkListGain: -0.5,
  scrapGain: -0.3,
  evidenceShare: 0.75,
  furnitureProseRatio: 3,
  levelDecay: 0.85,
  minTeasers: 3,
}

/** Excerpts of other articles end cut short: `…`, `...`, `[…]`. */
const teaserEnd = /(?:…|\.\.\.)\]?$/

const sentenceEnd = /[.!?]["'”’)]?$/u

const phrases = new Set(rules.generic.boilerplatePhrases.phrases)
const trailing = /[\s.:!?…»›>|-]+$/u

/** Whether a short block is a call to action or an ad label, not text. */
export function isBoilerplatePhrase(text: string): boolean {
  return text.length <= 60 && phrases.has(text.toLowerCase().replace(trailing, ''))
}

function linkDensity(block: Block): number {
  return block.chars === 0 ? 0 : block.linkChars / block.chars
}

function isProse(block: Block, weights: ScoreWeights): boolean {
  return (
    block.heading === 0 &&
    block.chars >= weights.proseChars &&
    linkDensity(block) <= weights.maxLinkDensity
  )
}

/**
 * Class names are hints, not proof: a wrapper called `penci_sidebar` or
 * `has-comments` may hold the whole article. Furniture whose own prose (not
 * inside nested furniture) outweighs all prose outside furniture by
 * `furnitureProseRatio` is not furniture; its blocks move to the furniture
 * around it. Changes the blocks in place.
 */
export function settleFurniture(page: Page, weights: ScoreWeights = defaultWeights): void {
  for (;;) {
    const own = new Map<Element, number>()
    let outside = 0
    for (const block of page.blocks) {
      if (!isProse(block, weights)) continue
      if (block.furniture === null) outside += block.chars
      else own.set(block.furniture, (own.get(block.furniture) ?? 0) + block.chars)
    }
    const demoted = new Set<Element>()
    for (const [element, prose] of own) {
      if (prose > Math.max(outside * weights.furnitureProseRatio, weights.proseChars * 4)) {
        demoted.add(element)
      }
    }
    if (demoted.size === 0) return
    for (const block of page.blocks) {
      while (block.furniture !== null && demoted.has(block.furniture)) {
        block.furniture = page.outerFurniture.get(block.furniture) ?? null
      }
    }
  }
}

/** Whether a block looks like the cut-short excerpt of another article. */
function isTeaser(block: Block): boolean {
  return block.chars < 600 && teaserEnd.test(block.text)
}

/** The gain of one block (`teaserList`: the page lists excerpts, so cut-short blocks count against) towards the element that holds it. */
export function blockGain(
  block: Block,
  weights: ScoreWeights = defaultWeights,
  teaserList = false,
): number {
  if (block.furniture !== null || isBoilerplatePhrase(block.text)) return 0
  if (linkDensity(block) > weights.maxLinkDensity) return block.chars * weights.linkListGain
  if (block.heading > 0) return 0
  if (teaserList && isTeaser(block)) return block.chars * weights.linkListGain
  if (block.chars >= weights.proseChars) return block.chars
  return block.chars * weights.scrapGain
}

/**
 * The element holding the article: the maximum-gain subtree; an evidence
 * element close to the best gain wins over it.
 */
export function chooseContainer(
  blocks: readonly Block[],
  root: Scope,
  evidence: readonly Element[],
  weights: ScoreWeights = defaultWeights,
): Scope {
  const gains = new Map<Scope, number>()
  // One cut-short paragraph is a paywall or an API cut; several are a list of excerpts.
  let teasers = 0
  for (const block of blocks) if (isTeaser(block)) teasers++
  const teaserList = teasers >= weights.minTeasers
  for (const block of blocks) {
    const gain = blockGain(block, weights, teaserList)
    if (gain === 0) continue
    let element: Scope | null = block.owner
    let decay = 1
    while (element !== null) {
      gains.set(element, (gains.get(element) ?? 0) + gain * decay)
      decay *= weights.levelDecay
      if (element === root) break
      const parent: ParentNode | null = element.parent
      // The root may be the document itself when the page has no <body>.
      element =
        parent !== null && (parent.type === 'tag' || parent === root) ? (parent as Scope) : null
    }
  }
  let best = root
  let bestGain = gains.get(root) ?? 0
  for (const [element, gain] of gains) {
    // Ties go to the deeper element: `gains` holds ancestors after descendants only by chance.
    if (gain > bestGain || (gain === bestGain && contains(best, element))) {
      best = element
      bestGain = gain
    }
  }
  for (const element of evidence) {
    const gain = gains.get(element) ?? 0
    if (bestGain > 0 && gain >= bestGain * weights.evidenceShare) return element
  }
  return best
}

/** Whether a block inside the chosen container belongs to the article text. */
export function keepBlock(
  block: Block,
  container: Scope,
  weights: ScoreWeights = defaultWeights,
): boolean {
  if (
    block.furniture !== null &&
    block.furniture !== container &&
    contains(container, block.furniture)
  ) {
    return false
  }
  if (linkDensity(block) > weights.maxLinkDensity && !isLinkedSentence(block, weights)) return false
  return !isBoilerplatePhrase(block.text)
}

/**
 * A paragraph of the article that is mostly a link (a source quoted in full)
 * still reads as a sentence: long enough, in a `<p>` or `<li>`, ending like one.
 */
function isLinkedSentence(block: Block, weights: ScoreWeights): boolean {
  return (
    block.owner.type === 'tag' &&
    (block.owner.name === 'p' || block.owner.name === 'li') &&
    block.chars >= weights.proseChars &&
    sentenceEnd.test(block.text)
  )
}
