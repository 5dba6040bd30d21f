/**
 * copydesk's compiler must write exactly what retext-stringify writes
 * (`nlcst-to-string`), on every tree: fresh from the parser, edited by the
 * cleaners, and from parse-english, with nodes of every kind.
 */
import fc from 'fast-check'
import type {Root} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../pipeline/index.js'
import parseNews, {parseNewsText} from '../plugins/parse-news.js'
import stringifyNews, {stringifyNewsTree} from '../plugins/stringify-news.js'

const pieces = [
  'The council met on Tuesday. ',
  'Sen. Joe DaleJoseph Dale Jr.Senate panel delays vote MORE said ',
  '“It’s done,” she said — twice. ',
  'U.S. rates rose 0.25% to $5.3bn at 6 p.m. ',
  'well-known state-run firms ',
  '&amp; AT&T ',
  'cafÃ© ',
  '\n\n',
  '\r\n',
  '  ',
  '\t',
  'e\u0301 ',
  '\u200b',
  '… [+812 chars]',
  '\nAdvertisement\n',
]
const texts = fc.array(fc.constantFrom(...pieces), {maxLength: 24}).map((parts) => parts.join(''))

describe('stringify-news', () => {
  it('writes what nlcst-to-string writes, on parse-news and parse-english trees', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const news = parseNewsText(text)
        expect(stringifyNewsTree(news)).toBe(nlcstToString(news))
        expect(stringifyNewsTree(news)).toBe(text)
        const english = new ParseEnglish().parse(text) as Root
        expect(stringifyNewsTree(english)).toBe(nlcstToString(english))
      }),
      {numRuns: 300},
    )
  })

  it('writes the edited tree after the cleaners, as retext-stringify would', () => {
    const pipeline = createPipeline({score: false})
    fc.assert(
      fc.property(texts, (text) => {
        const file = new VFile(text)
        const tree = pipeline.runSync(pipeline.parse(file), file) as Root
        expect(pipeline.stringify(tree, file)).toBe(nlcstToString(tree))
      }),
      {numRuns: 200},
    )
  })

  it('reads the shared view only when asked, and walks a tree that has none', () => {
    const edited = (sharedView: boolean) => {
      const processor = unified()
        .use(parseNews, {shareView: true})
        // A plugin that edits the tree without keeping the view.
        .use(() => (tree: Root) => {
          tree.children.splice(1)
        })
        .use(stringifyNews, {sharedView})
      return processor.processSync('First line.\nSecond line.').toString()
    }
    expect(edited(false)).toBe('First line.')
    // Asked to trust the view, it does: the option is for chains that keep it.
    expect(edited(true)).toBe('First line.\nSecond line.')
    const bare = unified().use(parseNews).use(stringifyNews, {sharedView: true})
    expect(bare.processSync('No view here.\n').toString()).toBe('No view here.\n')
  })

  it('is a unified compiler', () => {
    const processor = unified()
      .use(function () {
        this.parser = parseNewsText
      })
      .use(stringifyNews)
    expect(processor.processSync('A line.\n\nAnother one.').toString()).toBe(
      'A line.\n\nAnother one.',
    )
  })

  it('reads literal nodes and nodes without children', () => {
    const tree: Root = {
      type: 'RootNode',
      children: [
        {type: 'ParagraphNode', children: []},
        {type: 'WhiteSpaceNode', value: '\n'},
        {
          type: 'ParagraphNode',
          children: [
            {
              type: 'SentenceNode',
              children: [{type: 'WordNode', children: [{type: 'TextNode', value: 'Hi'}]}],
            },
          ],
        },
      ],
    }
    expect(stringifyNewsTree(tree)).toBe(nlcstToString(tree))
    expect(stringifyNewsTree({type: 'TextNode', value: 'alone'} as unknown as Root)).toBe('alone')
  })
})
