/**
 * The text view and its edits: the mechanism every cleaner and normaliser
 * edits the tree through.
 */
import type {Root} from 'nlcst'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {clean} from '../pipeline/index.js'
import {TextView} from '../plugins/util/text-view.js'
import {applyEdits} from '../plugins/util/text-view-edits.js'

function edit(text: string, edits: Array<{start: number; end: number; text: string}>) {
  const processor = retext()
  const file = new VFile(text)
  const tree = processor.parse(file) as Root
  const view = new TextView(tree)
  applyEdits(file, view, edits)
  const after = new TextView(tree)
  return {text: after.text, view: after, tree}
}

describe('applyEdits', () => {
  it('applies several edits inside one leaf', () => {
    // `abcdefgh` is one text leaf: both edits must land.
    const result = edit('abcdefgh ends here.', [
      {start: 1, end: 2, text: ''},
      {start: 4, end: 6, text: 'XY'},
    ])
    expect(result.text).toBe('acdXYgh ends here.')
  })

  it('keeps kept text mapped to its original offsets', () => {
    const source = 'Mayor Tom HaleThomas Edward HaleCouncil votes MORE said it.'
    const start = source.indexOf('Thomas')
    const end = source.indexOf(' said')
    const result = edit(source, [{start, end, text: ''}])
    expect(result.text).toBe('Mayor Tom Hale said it.')
    // Every character left maps back to the same character in the source.
    for (let index = 0; index < result.text.length; index++) {
      expect(source[result.view.toOriginal(index)]).toBe(result.text[index])
    }
    expect(result.view.toOriginal(result.text.indexOf(' said'))).toBe(end)
  })

  it('keeps the first of two overlapping edits', () => {
    const result = edit('one two three four', [
      {start: 4, end: 9, text: ''},
      {start: 8, end: 14, text: ''},
    ])
    expect(result.text).toBe(
      'one three four'.replace('three', 'hree').replace('one hree', 'one hree'),
    )
  })

  it('joins the sentences an edit runs across and drops what it empties', () => {
    const result = edit('First part? Removed text. Last part.', [{start: 10, end: 26, text: ' '}])
    expect(result.text).toBe('First part Last part.')
    const paragraph = result.tree.children[0]
    const sentences =
      paragraph && 'children' in paragraph
        ? paragraph.children.filter((node) => node.type === 'SentenceNode')
        : []
    expect(sentences).toHaveLength(1)
  })

  it('is linear in the number of edits on one long line', () => {
    const words = Array.from({length: 20_000}, (_, index) => `w${index}`).join('  ')
    const time = (text: string): number => {
      const started = performance.now()
      clean(text, {score: false})
      return performance.now() - started
    }
    const small = time(words.slice(0, words.length / 4))
    const large = time(words)
    // Four times the input (and the edits) must not cost sixteen times the time.
    expect(large / Math.max(small, 1)).toBeLessThan(10)
  })
})

describe('normalisation is idempotent where NFC composes', () => {
  it('judges a joiner after a combining mark as after its composed letter', () => {
    const once = clean('A\u0300\u200d\u{3347a}', {score: false}).text
    expect(clean(once, {score: false}).text).toBe(once)
  })
})
