import {readFileSync} from 'node:fs'
import type {Root} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import retextReadability from 'retext-readability'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import type {Node} from 'unist'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {describe, expect, it} from 'vitest'
import parseNews, {parseNewsSlice, parseNewsText} from '../plugins/parse-news.js'
import {readGold, scoreBoundaries} from '../scripts/sentence-gold.js'

const gold = readGold(
  readFileSync(new URL('./fixtures/sentences/gold.txt', import.meta.url), 'utf8'),
)

/** The sentences of `text`, as strings. */
function sentences(text: string): string[] {
  const found: string[] = []
  for (const paragraph of parseNewsText(text).children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const child of paragraph.children) {
      if (child.type === 'SentenceNode') found.push(nlcstToString(child))
    }
  }
  return found
}

describe('sentence boundaries on the gold set', () => {
  it('has at least 80 items', () => {
    expect(gold.length).toBeGreaterThanOrEqual(80)
  })
  it('finds them with precision and recall of at least 0.99', () => {
    const score = scoreBoundaries(gold)
    expect(score.errors).toEqual([])
    expect(score.precision).toBeGreaterThanOrEqual(0.99)
    expect(score.recall).toBeGreaterThanOrEqual(0.99)
  })
})

describe('news sentence rules', () => {
  it.each([
    ['titles and initials', 'Gov. Ana B. Ruiz spoke.', ['Gov. Ana B. Ruiz spoke.']],
    ['a capitalised abbreviation', 'Approx. 90 came.', ['Approx. 90 came.']],
    ['a lower-case figure abbreviation', 'See no. 4 below.', ['See no. 4 below.']],
    ['"no" as a word', 'He said no. Then he left.', ['He said no.', 'Then he left.']],
    [
      'a labelled letter',
      'It hit 98 degrees F. Pools filled.',
      ['It hit 98 degrees F.', 'Pools filled.'],
    ],
    ['No. before a figure', 'It is No. 4 in the poll.', ['It is No. 4 in the poll.']],
    [
      'a month before a date',
      'Due Feb. 9, the report slipped.',
      ['Due Feb. 9, the report slipped.'],
    ],
    ['U.S. before a name', 'The U.S. Navy left.', ['The U.S. Navy left.']],
    [
      'U.S. at a sentence end',
      'They left the U.S. It rained.',
      ['They left the U.S.', 'It rained.'],
    ],
    ['p.m. before a day', 'At 5 p.m. Friday it ended.', ['At 5 p.m. Friday it ended.']],
    [
      'p.m. at a sentence end',
      'It ended at 5 p.m. Crowds left.',
      ['It ended at 5 p.m.', 'Crowds left.'],
    ],
    ['a party tag', 'Sen. Lee (R-Utah) voted no.', ['Sen. Lee (R-Utah) voted no.']],
    ['a closing quote', '"Go." He went.', ['"Go."', 'He went.']],
    ['a lower-case word after ?', '"Why?" she asked.', ['"Why?" she asked.']],
    ['a short figure', 'It fell to 3. Then it rose.', ['It fell to 3.', 'Then it rose.']],
    ['an ellipsis', 'Wait... Now go.', ['Wait...', 'Now go.']],
    ['a list marker', '2. Bring a pen', ['2. Bring a pen']],
    ['a line without a stop', 'Markets slide\nStocks fell.', ['Markets slide', 'Stocks fell.']],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected)
  })
})

function walk(
  node: Node,
  visit: (node: Node, parent: Node | undefined) => void,
  parent?: Node,
): void {
  visit(node, parent)
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as Node[]) walk(child, visit, node)
  }
}

const shapes =
  'Headline here\r\n\r\n  WASHINGTON — Sen. Jo Ray (D-Ore.) said\u00a0Tuesday: “We’re done.”\tIt’s 6:30 p.m. 🙂 Costs: $1,200.50 (3.5%).  \n\n\nA U.S.-led plan… ok?\n'

describe('the tree', () => {
  const tree = parseNewsText(shapes)

  it('reads back as the input, character for character', () => {
    expect(nlcstToString(tree)).toBe(shapes)
    expect(nlcstToString(parseNewsText(''))).toBe('')
  })

  it('gives every node an exact position that vfile-location agrees with', () => {
    const place = location(shapes)
    walk(tree, (node) => {
      const start = node.position?.start
      const end = node.position?.end
      expect(start?.offset).toBeTypeOf('number')
      expect(end?.offset).toBeTypeOf('number')
      expect(place.toPoint(start?.offset ?? -1)).toEqual(start)
      if ((end?.offset ?? 0) < shapes.length) expect(place.toPoint(end?.offset ?? -1)).toEqual(end)
      expect(shapes.slice(start?.offset, end?.offset)).toBe(nlcstToString(node as Root))
    })
  })

  it('parses a slice from line break to line break as the whole text has it there', () => {
    // The slice starts at the indented WASHINGTON line (line 3) and ends before the last line.
    const start = shapes.indexOf('  WASHINGTON')
    const end = shapes.lastIndexOf('\n\n') + 2
    const slice = parseNewsSlice(shapes, {start, end, line: 3})
    expect(nlcstToString(slice)).toBe(shapes.slice(start, end))
    expect(slice.position?.start).toEqual({line: 3, column: 1, offset: start})
    const inside = tree.children.filter(
      (node) =>
        (node.position?.start.offset ?? -1) >= start && (node.position?.end.offset ?? 0) <= end,
    )
    // The whole text's white space from line 2 runs into the slice: compare from its paragraph.
    expect(JSON.stringify(slice.children.slice(1))).toBe(JSON.stringify(inside))
    expect(slice.children[0]).toMatchObject({type: 'WhiteSpaceNode', value: '  '})
  })

  it('has the NLCST shape: root > paragraph > sentence > word > text', () => {
    const allowed: Record<string, string[]> = {
      RootNode: ['ParagraphNode', 'WhiteSpaceNode'],
      ParagraphNode: ['SentenceNode', 'WhiteSpaceNode'],
      SentenceNode: ['WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode'],
      WordNode: ['TextNode', 'PunctuationNode', 'SymbolNode'],
    }
    walk(tree, (node, parent) => {
      if (parent) expect(allowed[parent.type]).toContain(node.type)
    })
  })

  it('builds every node and children array as its own plain object', () => {
    // The parser makes nodes from `{}` and arrays by copying (util/unsited.ts):
    // a plugin that edits one node must not see the edit anywhere else.
    const arrays = new Set<unknown[]>()
    const positions = new Set<unknown>()
    let words = 0
    walk(tree, (node) => {
      expect(Object.getPrototypeOf(node)).toBe(Object.prototype)
      const children = (node as {children?: unknown[]}).children
      if (children) {
        expect(Array.isArray(children)).toBe(true)
        expect(arrays.has(children)).toBe(false)
        arrays.add(children)
      }
      if (node.type === 'WordNode') {
        words++
        // A word and its one text share a position; no two words do.
        expect(positions.has(node.position)).toBe(false)
        positions.add(node.position)
      }
    })
    expect(words).toBeGreaterThan(20)
  })

  it('splits words like parse-english on plain prose', () => {
    const text = 'The mayor’s well-known plan, costing $5 million, passed 7-2 on Monday.'
    const words = (root: Root): string[] => {
      const found: string[] = []
      walk(root, (node) => {
        if (node.type === 'WordNode') found.push(nlcstToString(node as Root))
      })
      return found
    }
    expect(words(parseNewsText(text))).toEqual(words(new ParseEnglish().parse(text)))
  })

  it('keeps figures with commas and decimals as one word', () => {
    const words: string[] = []
    walk(parseNewsText('Sales hit 1,250.75 units.'), (node) => {
      if (node.type === 'WordNode') words.push(nlcstToString(node as Root))
    })
    expect(words).toEqual(['Sales', 'hit', '1,250.75', 'units'])
  })

  it('works as a unified parser with retext plugins', () => {
    const processor = unified()
      .use(parseNews)
      .use(retextStringify)
      .use(retextReadability, {age: 6, minWords: 3})
    const text = 'The extraordinarily complicated legislative negotiations continued indefinitely.'
    const file = new VFile(text)
    const tree = processor.runSync(processor.parse(file), file) as Root
    expect(processor.stringify(tree, file)).toBe(text)
    expect(file.messages.map((message) => message.source)).toEqual(['retext-readability'])
    expect(file.messages[0]?.place).toMatchObject({start: {offset: 0}, end: {offset: text.length}})
  })
})

// Linear time: about 1 MB of adversarial input, nine patterns of about 110 KB
// each, must parse in a time a linear scan explains (a generous bound: a
// quadratic step on any one pattern would take hours).
describe('linear time on adversarial input', () => {
  const part = 110_000
  const patterns = ['.', 'U.S. ', 'A.', 'a-', '1,000', ' ', '\r\n', '."', 'word ']
  const text = patterns.map((pattern) => pattern.repeat(Math.ceil(part / pattern.length))).join('')

  it(`parses ${text.length} characters in one linear pass`, () => {
    const start = performance.now()
    const tree = parseNewsText(text)
    expect(performance.now() - start).toBeLessThan(15_000)
    expect(tree.position?.end.offset).toBe(text.length)
  })
})
