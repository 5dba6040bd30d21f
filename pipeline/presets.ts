import type {Preset} from 'unified'
import decodeEntities from '../plugins/decode-entities.js'
import normalisePunctuation from '../plugins/normalise-punctuation.js'
import normaliseUnicode from '../plugins/normalise-unicode.js'
import normaliseWhitespace from '../plugins/normalise-whitespace.js'
import removeBoilerplate from '../plugins/remove-boilerplate.js'
import removeHillBlurbs from '../plugins/remove-hill-blurbs.js'
import removeTruncationMarkers from '../plugins/remove-truncation-markers.js'
import repairMojibake from '../plugins/repair-mojibake.js'
import scoreNeutrality from '../plugins/score-neutrality.js'
import scoreReadability from '../plugins/score-readability.js'
import retextReadability from '../plugins/util/readability-retext.js'

/** Repairers: broken encodings and invisible debris, before the cleaners read the text. */
export const repair: Preset = {
  plugins: [
    decodeEntities, // first: `&#195;&#169;` decodes to mojibake that repair-mojibake repairs
    normaliseUnicode, // canonical text; it leaves C1 controls, which are mojibake material
    // Last: removing an invisible character or composing an accent can join the
    // two halves of a broken sequence (`Ã` U+200B `©`), repaired in the same run.
    repairMojibake,
  ],
}

/** Cleaners: remove scraped artifacts. Order is deliberate. */
export const clean: Preset = {
  plugins: [
    removeHillBlurbs, // first: cards are glued to names with no space, before anything tidies spaces
    removeTruncationMarkers, // after the cards: a marker that ends a removed card goes with it
    // After the markers, so that policy only sees removed cards; before anything tidies
    // spaces, since its rules read whole lines and paragraph breaks as scraped.
    removeBoilerplate,
  ],
}

/** Normalisers: tidy what is left. */
export const normalise: Preset = {
  plugins: [
    normaliseWhitespace, // closes the gaps earlier removals left
    // Last: it never adds or removes spaces, and it must see the final spacing
    // to tell whether a curled quote would complete broken UTF-8 (`á` + `…`).
    normalisePunctuation, // quote policy (`preserve` by default)
  ],
}

/** Analysers: read the cleaned tree, add messages and `file.data`; any order. */
export const score: Preset = {
  plugins: [
    // Per-sentence warnings from the unified collective's retext-readability,
    // its faults neutralised (README, score-readability): run on the sentences
    // it can flag, votes read as "Dale–Chall and 3 of the 5 working formulas".
    [retextReadability, {age: 18, minWords: 8, threshold: 4 / 7, minGrade: 10}],
    scoreReadability,
    scoreNeutrality, // loaded language per sentence; reads the tree only
  ],
}
