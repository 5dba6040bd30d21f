import type {Sentence} from 'nlcst'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseNewsText} from '../plugins/parse-news.js'
import scoreReadability from '../plugins/score-readability.js'
import {WordMemo} from '../plugins/util/readability-memo.js'
import {countSentence, sentenceCounter} from '../plugins/util/readability-sentence.js'
import {wordFacts, wordTable} from '../plugins/util/readability-words.js'

describe('WordMemo', () => {
  // A tiny table (8 slots, 4 words at most) so that probes collide and the
  // table fills and empties within a few words.
  function tiny() {
    const lengths = new Int32Array(8)
    const filled: string[] = []
    const memo = new WordMemo(3, (slot, word) => {
      filled.push(word)
      lengths[slot] = word.length
    })
    return {lookup: (word: string) => lengths[memo.slot(word)], filled}
  }

  it('fills a word once, and finds it again through colliding probes', () => {
    const {lookup, filled} = tiny()
    for (const word of ['budget', 'vote', 'senate', 'tax', 'vote', 'budget', 'tax']) {
      expect(lookup(word)).toBe(word.length)
    }
    expect(filled).toEqual(['budget', 'vote', 'senate', 'tax'])
  })

  it('empties itself when full and still answers every word', () => {
    const {lookup, filled} = tiny()
    const words = 'one two three four five six seven eight nine ten eleven twelve'.split(' ')
    for (let round = 0; round < 3; round++) {
      for (const word of words) expect(lookup(word)).toBe(word.length)
    }
    // Never more than four words held: each round refills what was dropped.
    expect(filled.length).toBeGreaterThan(words.length)
  })

  it('hands out slots in the order words are first met, from 0', () => {
    const memo = new WordMemo(4, () => {})
    const words = ['said', 'the', 'minister', 'said', 'budget', 'the']
    expect(words.map((word) => memo.slot(word))).toEqual([0, 1, 2, 0, 3, 1])
    expect(memo.cells.length).toBe(8 * 16)
    expect(() => new WordMemo(17, () => {})).toThrow(RangeError)
    expect(() => new WordMemo(1.5, () => {})).toThrow(RangeError)
  })

  it('tells apart words equal in content but made separately', () => {
    const {lookup, filled} = tiny()
    const made = ['Wash', 'ington'].join('')
    expect(lookup('Washington')).toBe(10)
    expect(lookup(made)).toBe(10)
    expect(filled).toEqual(['Washington'])
  })
})

describe('WordMemo keys', () => {
  function memo() {
    const filled: string[] = []
    const words = new WordMemo(3, (_slot, word) => {
      filled.push(word)
    })
    return {words, filled}
  }

  it('tells apart long words that differ only past the characters a slot holds in place', () => {
    const {words, filled} = memo()
    const first = 'internationalisations-of-trade'
    const second = 'internationalisations-of-trades'
    const third = 'internationalisations-of-tradf'
    const slots = [first, second, third].map((word) => words.slot(word))
    expect(new Set(slots).size).toBe(3)
    expect(words.slot(['internationalisations', '-of-trade'].join(''))).toBe(slots[0])
    expect(filled).toEqual([first, second, third])
  })

  it('tells apart words of odd and even length with the same leading characters', () => {
    const {words, filled} = memo()
    for (const word of ['ab', 'a', 'abc', 'a\u0000', 'ab', 'a']) words.slot(word)
    expect(filled).toEqual(['ab', 'a', 'abc', 'a\u0000'])
  })

  it('counts its generations: one more each time it is emptied', () => {
    const {words} = memo()
    expect(words.generation).toBe(0)
    for (const word of 'one two three four five'.split(' ')) words.slot(word)
    expect(words.generation).toBe(1)
    words.clear()
    expect(words.generation).toBe(2)
  })
})

describe('word facts from the table', () => {
  it('answers as before for names, figures and hard words', () => {
    expect(wordFacts('jurisdictional', false)).toMatchObject({
      countable: true,
      syllables: 5,
      polysyllabic: true,
      complex: true,
      long: true,
      key: 'jurisdictional',
    })
    // A capital inside a sentence marks a name: familiar, never complex.
    expect(wordFacts('Mississippi', false)).toMatchObject({complex: false, difficult: false})
    expect(wordFacts('Mississippi', true)).toMatchObject({complex: true})
    expect(wordFacts('1,000', false)).toMatchObject({countable: true, letters: 0, characters: 4})
    expect(wordFacts('—', false).countable).toBe(false)
  })
})

describe('one count of each sentence for both analysers', () => {
  const text =
    'The committee met on Tuesday. Its interdepartmental recommendations were unanimous. Nobody objected.'
  const sentences = (tree: ReturnType<typeof parseNewsText>): Sentence[] =>
    tree.children.flatMap((node) =>
      node.type === 'ParagraphNode'
        ? node.children.filter((child): child is Sentence => child.type === 'SentenceNode')
        : [],
    )

  it('gives a second reader the very counts the first made', () => {
    const tree = parseNewsText(text)
    const file = new VFile(text)
    const first = sentences(tree).map(sentenceCounter(file))
    const second = sentences(tree).map(sentenceCounter(file))
    expect(second).toHaveLength(3)
    for (const [index, counts] of second.entries()) expect(counts).toBe(first[index])
  })

  it('counts afresh for another file, or a sentence out of order', () => {
    const tree = parseNewsText(text)
    const file = new VFile(text)
    const nodes = sentences(tree)
    const first = nodes.map(sentenceCounter(file))
    const other = nodes.map(sentenceCounter(new VFile(text)))
    expect(other[0]).not.toBe(first[0])
    expect(other[0]).toEqual(first[0])
    const backwards = sentenceCounter(file)
    const last = backwards(nodes[2] as Sentence)
    expect(last).not.toBe(first[2])
    expect(last).toEqual(countSentence(nodes[2] as Sentence))
  })
})

describe('Spache’s once-each count across a table that empties mid-document', () => {
  // Made-up words, none on the Spache list and none with a suffix its rules
  // strip, so every one is unfamiliar: `qz` and four letters of five.
  function madeUp(index: number): string {
    const letters = 'bkoxa'
    let word = 'qz'
    for (let rest = index, place = 0; place < 7; place++, rest = Math.floor(rest / 5)) {
      word += letters[rest % 5]
    }
    return word
  }

  it('counts each different word once, as many as there are', () => {
    // More different words than the word table keeps (it empties at 32,768),
    // each written twice, far apart: the second time is after the table emptied.
    const distinct = 36_000
    const words = Array.from({length: distinct}, (_, index) => madeUp(index))
    const sentences: string[] = []
    for (let round = 0; round < 2; round++) {
      for (let index = 0; index < distinct; index += 9) {
        sentences.push(`${words.slice(index, index + 9).join(' ')}.`)
      }
    }
    const text = sentences.join(' ')
    const generation = wordTable.generation
    const file = new VFile(text)
    unified().use(scoreReadability).runSync(parseNewsText(text), file)
    expect(wordTable.generation).toBeGreaterThan(generation)
    expect(file.data.readability?.unfamiliarWords).toBe(distinct)
    expect(file.data.readability?.words).toBe(2 * distinct)
  })
})
