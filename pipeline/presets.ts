import retextReadability from 'retext-readability'
import type {Preset} from 'unified'
import normaliseWhitespace from '../plugins/normalise-whitespace.js'
import removeHillBlurbs from '../plugins/remove-hill-blurbs.js'
import removeTruncationMarkers from '../plugins/remove-truncation-markers.js'
import scoreReadability from '../plugins/score-readability.js'

/** Cleaners: remove scraped artifacts. Order is deliberate. */
export const clean: Preset = {
  plugins: [
    removeHillBlurbs, // first: cards are glued to names with no space, before anything tidies spaces
    removeTruncationMarkers, // after the cards: a marker that ends a removed card goes with it
  ],
}

/** Normalisers: tidy what is left. */
export const normalise: Preset = {
  plugins: [
    normaliseWhitespace, // last cleaner: also closes the gaps earlier removals left
  ],
}

/** Analysers: read the cleaned tree, add messages and `file.data`; any order. */
export const score: Preset = {
  plugins: [
    // Per-sentence warnings from the unified collective's own plugin; its
    // document scores are computed by score-readability.
    [retextReadability, {age: 18, minWords: 8}],
    scoreReadability,
  ],
}
