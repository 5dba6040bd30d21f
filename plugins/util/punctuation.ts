/**
 * Edits of normalise-punctuation: typographic punctuation to ASCII
 * (`straight`), and straight quotes to curly ones (`curly`), the latter by
 * running retext-smartypants on a copy of the tree and taking its changes.
 */
import type {Root} from 'nlcst'
import retextSmartypants from 'retext-smartypants'
import data from '../data/punctuation.json' with {type: 'json'}
import type {RuleEdit} from './changes.js'
import {createsMojibake} from './mojibake.js'
import type {TextView} from './text-view.js'

const ascii = new Map(data.straight.map((entry) => [entry.character, entry.ascii]))
const elisions = new Set(data.elisions.words)

function ruleOf(character: string): string {
  if (character === '\u2026' || character === '...') return 'ellipsis'
  if (/[-\u2010-\u2015\u2212]/.test(character)) return 'dash'
  if (/["\u201c-\u201f\u2033\u00ab\u00bb]/.test(character)) return 'double-quote'
  return 'single-quote'
}

/** Every typographic character of the table, to its ASCII. */
export function findStraightEdits(text: string): RuleEdit[] {
  const edits: RuleEdit[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xab) continue
    const replacement = ascii.get(text[i] ?? '')
    if (replacement !== undefined) {
      edits.push({start: i, end: i + 1, text: replacement, ruleId: ruleOf(text[i] ?? '')})
    }
  }
  return edits
}

// Only value-changing methods: spaced ellipses splice nodes out of the tree,
// which would break the leaf-by-leaf comparison below.
const smartypants = retextSmartypants({
  ellipses: 'unspaced',
  dashes: true,
  backticks: true,
  quotes: true,
})

/**
 * Straight quotes, `--` and `...` to their typographic forms, as
 * retext-smartypants decides them, with three corrections: an apostrophe
 * opening an elided word (`’n’`, `’em`, `’tis`) is a right quote, a quote
 * after a digit (`5'11"`, feet and inches or a closing quote?) stays, and
 * four or more dots (an ellipsis and a full stop) stay.
 */
export function findCurlyEdits(tree: Root, view: TextView): RuleEdit[] {
  // The view is lazy: read it before smartypants changes the values it reads.
  const text = view.text
  const {nodes, starts} = view.index
  // With these options smartypants only assigns new values to punctuation
  // leaves, so it runs on the tree itself, and every value is put back at
  // once: the changes are applied later, with positions, by `applyEdits`.
  // (A structured clone of a large tree is far slower than this.)
  ;(smartypants as unknown as (tree: Root) => void)(tree)
  const edits: RuleEdit[] = []
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]
    if (!node) continue
    const start = starts[k] ?? 0
    const next = node.value
    // The value the leaf had when the view was made.
    const value = text.slice(start, starts[k + 1] ?? text.length)
    if (next === value) continue
    node.value = value
    const stop = start + value.length
    if (/^\.{4,}$/.test(value)) continue
    if ((value === "'" || value === '"') && /[0-9]/.test(text[start - 1] ?? '')) continue
    let replacement = next
    if (value === "'" && next === '\u2018' && elisions.has(wordAfter(text, stop).toLowerCase())) {
      replacement = '\u2019'
    }
    // Curling next to a broken sequence could complete it (`â€` + `…`).
    if (createsMojibake(text, start, stop, replacement)) continue
    const rule = ruleOf(value === '``' || value === "''" ? '"' : value)
    edits.push({start, end: stop, text: replacement, ruleId: rule})
  }
  return edits
}

/** The letters right after `index`. */
function wordAfter(text: string, index: number): string {
  let end = index
  while (end < text.length && end - index < 16 && /\p{L}/u.test(text[end] ?? '')) end++
  return text.slice(index, end)
}
