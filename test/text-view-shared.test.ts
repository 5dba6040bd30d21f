/**
 * The cleaners share one view per tree, kept up to date by `applyEdits`
 * instead of a walk per plugin. These properties prove that sharing changes
 * nothing: the updated view equals a fresh walk of the edited tree, and the
 * whole repair → clean → normalise chain gives the same text, records,
 * messages and tree as when every plugin walks the tree anew.
 */
import fc from 'fast-check'
import type {Root} from 'nlcst'
import retextStringify from 'retext-stringify'
import {type Pluggable, type Plugin, type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {clean, normalise, repair} from '../pipeline/presets.js'
import normalisePunctuation from '../plugins/normalise-punctuation.js'
import parseNews from '../plugins/parse-news.js'
import {forgetView, type Parent, TextView, viewOf} from '../plugins/util/text-view.js'
import {applyEdits} from '../plugins/util/text-view-edits.js'
import '../plugins/util/data-map.js'

/** Pieces every cleaner acts on, and plain prose around them. */
const pieces = [
  'The council met on Tuesday. ',
  'Rates rose, analysts said. ',
  'Mayor Ann KellAnn Ruth KellCouncil backs new park plan MORE said ',
  'Sen. Joe DaleJoseph Dale Jr.Senate panel delays vote… [+812 chars]',
  ' [+120 chars]',
  '\n\nAdvertisement\n\n',
  'Related: Storm closes three bridges\n',
  '(Photo: Lee Park/Getty Images)\n',
  '&amp;',
  '&amp;amp;',
  '&#8217;',
  'AT&T',
  'cafÃ©',
  'â€™',
  'Ïðèâåò',
  'e\u0301',
  '\u200b',
  '\u200d',
  '\u00ad',
  '\u0003',
  '\u00a0',
  '\ufb01le',
  '"quoted" ',
  "it's ",
  '--',
  '...',
  '  ',
  ' .',
  '\n',
  '\n\n\n',
  '\t',
  'word',
]

const article = fc
  .array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 30})
  .map((parts) => parts.join(''))

/** A plugin that forgets the shared view first: it walks the tree anew. */
function walkingAnew(plugin: Plugin<[unknown?], Root>): Plugin<[unknown?], Root> {
  return function (this: never, options: unknown) {
    const transform = plugin.call(this, options) as unknown as (tree: Root, file: VFile) => void
    return (tree: Root, file: VFile) => {
      forgetView(tree)
      transform(tree, file)
    }
  } as unknown as Plugin<[unknown?], Root>
}

function run(text: string, policy: string, share: boolean, dryRun: boolean, parserView = false) {
  const plugins = [
    ...(repair.plugins ?? []),
    ...(clean.plugins ?? []),
    ...(normalise.plugins ?? []),
  ] as Pluggable[]
  // Typed loosely: the chain is built plugin by plugin, as the presets list them.
  let processor = unified()
    .use(parseNews, {shareView: parserView})
    .use(retextStringify) as unknown as Processor<Root>
  for (const entry of plugins) {
    const [attacher, options] = Array.isArray(entry) ? entry : [entry, undefined]
    const plugin = attacher as Plugin<[unknown?], Root>
    processor = processor.use(share ? plugin : walkingAnew(plugin), options) as never
  }
  const last = share ? normalisePunctuation : walkingAnew(normalisePunctuation as never)
  processor = processor.use(last as never, {policy}) as never
  const file = new VFile(text)
  file.data.dryRun = dryRun
  const tree = processor.runSync(processor.parse(file), file) as Root
  return {
    text: String(processor.stringify(tree as never, file)),
    removed: file.data.removed,
    changes: file.data.changes,
    messages: file.messages.map((message) => ({...message})),
    tree: JSON.parse(JSON.stringify(tree)) as unknown,
  }
}

function emptyParents(parent: Parent, found: Parent[] = []): Parent[] {
  for (const child of parent.children) {
    if ('children' in child) {
      if (child.children.length === 0) found.push(child)
      emptyParents(child, found)
    }
  }
  return found
}

describe('the shared text view', () => {
  it('after any edits, reads the tree as a fresh walk does', () => {
    const edit = fc.record({
      start: fc.nat(),
      length: fc.nat({max: 12}),
      text: fc.constantFrom('', ' ', 'X', 'é', '\n', '. '),
    })
    fc.assert(
      fc.property(
        article,
        fc.array(fc.array(edit, {maxLength: 6}), {maxLength: 3}),
        (text, rounds) => {
          const file = new VFile(text)
          const tree = unified().use(parseNews).parse(file) as Root
          for (const round of rounds) {
            const view = viewOf(tree, file)
            const size = view.text.length + 1
            const edits = round.map(({start, length, text: insert}) => ({
              start: start % size,
              end: Math.min((start % size) + length, size - 1),
              text: insert,
            }))
            applyEdits(file, view, edits)
            const shared = viewOf(tree, file)
            const fresh = new TextView(tree)
            expect(shared.text).toBe(fresh.text)
            // Offsets from the end back: the shared index grows from the end
            // of the text as lookups reach further back, and must agree all along.
            for (let offset = fresh.text.length; offset >= 0; offset -= 7) {
              expect(shared.toOriginal(offset)).toBe(fresh.toOriginal(offset))
            }
            expect(shared.index.nodes).toEqual(fresh.index.nodes)
            expect(shared.index.starts).toEqual(fresh.index.starts)
            shared.index.parents.forEach((parent, at) => {
              expect(parent).toBe(fresh.index.parents[at])
              expect(shared.index.sentences[at]?.sentence).toBe(fresh.index.sentences[at]?.sentence)
            })
            // Pruned as a full pass would: no parent left without children.
            expect(emptyParents(tree)).toEqual([])
          }
        },
      ),
      {numRuns: 200, seed: 8},
    )
  })

  it('changes nothing in the output of repair, clean and normalise', () => {
    fc.assert(
      fc.property(
        article,
        fc.constantFrom('preserve', 'straight', 'curly'),
        fc.boolean(),
        (text, policy, dryRun) => {
          expect(run(text, policy, true, dryRun)).toEqual(run(text, policy, false, dryRun))
        },
      ),
      {numRuns: 60, seed: 8},
    )
  })

  it("made by the parser, is the view viewOf's check makes, and changes no output", () => {
    const texts = fc.oneof(
      article,
      fc.constantFrom('', ' ', '\n\n', 'One.\r\nTwo.\r\n', ' \t Lead.\n\n  Body text.  \n'),
    )
    fc.assert(
      fc.property(texts, (text) => {
        const file = new VFile(text)
        const made = viewOf(unified().use(parseNews, {shareView: true}).parse(file) as Root)
        const tree = made.root
        forgetView(tree)
        const checked = viewOf(tree, file)
        expect(checked).not.toBe(made)
        expect(made.text).toBe(checked.text)
        // From the end back, as the cleaners ask: each lookup may start the
        // index at a child of the root, so the children's starts must agree.
        for (let offset = text.length; offset >= 0; offset--) {
          expect(made.toOriginal(offset)).toBe(checked.toOriginal(offset))
          expect(made.indexFrom(offset).starts).toEqual(checked.indexFrom(offset).starts)
        }
      }),
      {numRuns: 150, seed: 8},
    )
    fc.assert(
      fc.property(
        article,
        fc.constantFrom('preserve', 'curly'),
        fc.boolean(),
        (text, policy, dry) => {
          expect(run(text, policy, true, dry, true)).toEqual(run(text, policy, false, dry))
        },
      ),
      {numRuns: 60, seed: 8},
    )
  })

  it('is not made by the parser unless asked: a plugin before the cleaners may edit the tree', () => {
    const file = new VFile('Rates rose. Bonds fell.')
    const tree = unified().use(parseNews).parse(file) as Root
    const first = tree.children[0]
    if (first && 'children' in first) first.children.length = 0
    expect(viewOf(tree, file).text).toBe('')
  })

  it('reads the file text when the tree still spells it, else walks', () => {
    const file = new VFile('Rates rose. Bonds fell.')
    const tree = unified().use(parseNews).parse(file) as Root
    expect(viewOf(tree, file).text).toBe('Rates rose. Bonds fell.')
    // A tree edited outside applyEdits is read again once forgotten.
    const other = new VFile('Rates rose. Bonds fell.')
    const edited = unified().use(parseNews).parse(other) as Root
    const first = edited.children[0]
    if (first && 'children' in first) first.children.length = 0
    forgetView(edited)
    expect(viewOf(edited, other).text).toBe(new TextView(edited).text)
    expect(viewOf(edited, other).text).not.toBe('Rates rose. Bonds fell.')
  })
})
