import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import data from './data/remove-hill-blurbs.json' with {type: 'json'}
import {type BlurbOptions, findBlurbs} from './util/hill-blurbs.js'
import {type Finding, removeFindings} from './util/remove.js'
import {viewOf} from './util/text-view.js'

export interface Options {
  /** Word that closes a card (default: `MORE`). */
  readonly marker?: string | null | undefined
  /** Longest card body in characters (default: `1200`). */
  readonly maxBody?: number | null | undefined
}

export const source = 'remove-hill-blurbs'

/**
 * Remove The Hill's related-link hover cards glued after names
 * (`President TrumpDonald John Trump… MORE warned` → `President Trump warned`).
 */
const removeHillBlurbs: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  const settings: BlurbOptions = {
    marker: options?.marker ?? data.marker,
    maxBody: options?.maxBody ?? data.maxBody,
    maxNameParts: data.maxNameParts,
    suffixes: data.suffixes,
    particles: data.particles,
    maxTruncatedBody: data.maxTruncatedBody,
  }
  return (tree, file) => {
    const view = viewOf(tree, file)
    const findings: Finding[] = findBlurbs(view.text, settings).map((blurb) => ({
      start: blurb.start,
      end: blurb.end,
      ruleId: blurb.terminator === 'marker' ? 'hill-related-blurb' : 'hill-related-blurb-truncated',
      // Glued names with the closing MORE are the strongest evidence; a card
      // cut by truncation has no closing word to confirm it.
      confidence: blurb.terminator === 'truncation' ? 0.9 : blurb.shape === 'glued' ? 0.99 : 0.95,
      label: `related-link blurb after \`${blurb.surname}\``,
      note: data.source,
    }))
    removeFindings(file, view, source, findings)
  }
}

export default removeHillBlurbs
