import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {daleChall} from 'dale-chall'
import type {Paragraph, Root, Sentence} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import retextReadability from 'retext-readability'
import {spache} from 'spache'
import {syllable} from 'syllable'
import {syllable as upstreamSyllable} from 'syllable-upstream'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseNewsText} from '../plugins/parse-news.js'
import retextReadabilityCandidates from '../plugins/util/readability-retext.js'
import {countSentence} from '../plugins/util/readability-sentence.js'
import {retextCounts, retextFlags, voteSettings} from '../plugins/util/readability-votes.js'
import {wordTable} from '../plugins/util/readability-words.js'

// The proof that the wrapper's gate is safe: on every sentence, the vote
// computed by readability-votes.ts is retext-readability's own, so handing it
// only the sentences that vote "hard" leaves its messages unchanged.

const options = {age: 18, minWords: 8, threshold: 4 / 7}

// Deterministic pseudo-random numbers (mulberry32), so a failure reproduces.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

// Word pools written for this test: short familiar words, long Latinate ones,
// names, figures and inner punctuation, so that every vote goes both ways.
const easy =
  'the a dog ran to park it was warm day and of in said he she they we home go big old new man her his'
const hard =
  'notwithstanding jurisdictional administration interdepartmental coordination unanimously comprehensive ' +
  'regulatory telecommunications infrastructure investment responsibility international considerable ' +
  'uncertainty modification recommended accountability constitutional legislative deliberation'
const other =
  "Washington Mississippi Europe Ministry's committee's 1,000 3.5 1987 $40 well-known co-operation " +
  "Geraldo O'Brien U.S. mid-term year-on-year Organisation rates percent billion"
const pools = [easy, hard, other].map((words) => words.split(' '))

function sentences(count: number, seed: number): string[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const result: string[] = []
  for (let index = 0; index < count; index++) {
    const length = 3 + Math.floor(next() * 45)
    // A mix per sentence, from plain to dense: the hard share varies widely.
    const hardShare = next()
    const words: string[] = []
    for (let word = 0; word < length; word++) {
      const pool = next() < hardShare ? pools[1] : next() < 0.8 ? pools[0] : pools[2]
      words.push(pick(pool ?? []))
    }
    const first = words[0] ?? 'The'
    words[0] = first.charAt(0).toUpperCase() + first.slice(1)
    result.push(`${words.join(' ')}.`)
  }
  return result
}

const written = [
  'The dog ran to the park and it was a warm day for all of us.',
  'Notwithstanding considerable jurisdictional uncertainty, the interdepartmental committee unanimously recommended comprehensive regulatory modifications.',
  'Telecommunications infrastructure investment remained extraordinarily concentrated among internationally capitalised conglomerates.',
  'The the the the the the the the the the the the.',
  'Administration administration administration administration administration administration administration administration.',
  'Shares of the Organisation rose 3.5 percent to $40 in mid-term trading on the New York exchange on Tuesday.',
  // Curly apostrophes: a lower-cased form that is not the word table's key.
  'We don’t think the administration’s interdepartmental committee won’t unanimously recommend comprehensive regulatory modifications, don’t you?',
  "They don’t know and we don't know, but the committee’s chairman doesn’t mind what the committee's members say.",
]

function sentenceNodes(tree: Root): Sentence[] {
  const found: Sentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const child of paragraph.children) if (child.type === 'SentenceNode') found.push(child)
  }
  return found
}

/**
 * retext-readability's messages, alone and behind the gate (no copydesk-grade
 * filter), each on its own parse of `text`, changed by `change` first.
 */
function bothWays(text: string, change: (tree: Root) => void = () => {}) {
  const parse = (): Root => {
    const tree = parseNewsText(text)
    change(tree)
    return tree
  }
  const plain = new VFile(text)
  unified().use(retextReadability, options).runSync(parse(), plain)
  const gated = new VFile(text)
  unified()
    .use(retextReadabilityCandidates, {...options, minGrade: Number.NEGATIVE_INFINITY})
    .runSync(parse(), gated)
  // Every field it fills, and the sentence its ancestors end with, read back as text.
  const shape = (file: VFile) =>
    file.messages.map((message) => {
      const sentence = message.ancestors?.at(-1) as Sentence | undefined
      const parent = message.ancestors?.at(-2) as Paragraph | undefined
      return {
        // Its parent is a paragraph that holds it (the wrapper's holds the flagged sentences alone).
        parent: parent?.type === 'ParagraphNode' && sentence && parent.children.includes(sentence),
        reason: message.reason,
        place: message.place,
        line: message.line,
        column: message.column,
        actual: message.actual,
        expected: message.expected,
        ruleId: message.ruleId,
        source: message.source,
        url: message.url,
        fatal: message.fatal,
        sentence: sentence
          ? [sentence.type, nlcstToString(sentence), sentence.position]
          : undefined,
      }
    })
  return {plain: shape(plain), gated: shape(gated)}
}

describe('retext-readability’s vote, computed ahead of it', () => {
  const settings = voteSettings(options)

  it('agrees with retext-readability on every sentence, hard or not', () => {
    const text = [...written, ...sentences(1200, 7)].join('\n')
    const tree = parseNewsText(text)
    const nodes = sentenceNodes(tree)
    let flagged = 0
    for (const sentence of nodes) {
      const file = new VFile(text)
      const root: Root = {
        type: 'RootNode',
        children: [{type: 'ParagraphNode', children: [sentence]}],
      }
      retextReadability(options)(root, file)
      const expected = file.messages.length === 1
      if (expected) flagged++
      expect(retextFlags(sentence, settings), sentence.position?.start.line.toString()).toBe(
        expected,
      )
    }
    // Both answers occur often enough for the agreement to mean something.
    expect(flagged).toBeGreaterThan(nodes.length / 10)
    expect(flagged).toBeLessThan((nodes.length * 9) / 10)
  })

  it('reads a word inside a word as retext-readability does (its walk counts both)', () => {
    // No parser makes these; a plugin could. Its walk counts the outer word
    // and the inner one, so the bound taken while counting cannot be used.
    const text = 'Notwithstanding considerable jurisdictional uncertainty remained everywhere today'
    for (const [line, sentence] of sentenceNodes(parseNewsText(text)).entries()) {
      const words = sentence.children.filter((child) => child.type === 'WordNode')
      const last = words.at(-1)
      const inner = words.at(-2)
      if (!last || !inner) throw new Error('expected words')
      // The last word holds the one before it: "everywhere" + "remained".
      last.children = [...last.children, inner] as typeof last.children
      const file = new VFile(text)
      retextReadability(options)(
        {type: 'RootNode', children: [{type: 'ParagraphNode', children: [sentence]}]},
        file,
      )
      expect(retextFlags(sentence, settings), String(line)).toBe(file.messages.length === 1)
      expect(countSentence(sentence).voteWords).toBe(-1)
    }
  })

  it('counts the lists by strings when the word table empties in the middle of a vote', () => {
    // "the" opens the sentence and comes back three times: its key number
    // before the table empties means nothing after, so counted by key numbers
    // it would count as a second different word on both lists.
    const text =
      'The council said the regulatory modifications would reach the committee before the vote.'
    const [sentence] = sentenceNodes(parseNewsText(text))
    if (!sentence) throw new Error('expected a sentence')
    // What retext-readability reads, computed here from the lists themselves.
    const expected = {
      word: 0,
      syllable: 0,
      letter: 0,
      polysillabicWord: 0,
      complexPolysillabicWord: 0,
    }
    const easyWords = new Set<string>()
    const familiarWords = new Set<string>()
    for (const node of sentence.children) {
      if (node.type !== 'WordNode') continue
      const value = nlcstToString(node)
      const caseless = value.toLowerCase()
      const syllables = upstreamSyllable(value)
      expected.word++
      expected.syllable += syllables
      expected.letter += value.length
      if (syllables >= 3) {
        expected.polysillabicWord++
        if (value.charCodeAt(0) === caseless.charCodeAt(0)) expected.complexPolysillabicWord++
      }
      if (daleChall.includes(caseless)) easyWords.add(caseless)
      if (spache.includes(caseless)) familiarWords.add(caseless)
    }
    expect(easyWords.has('the') && familiarWords.has('the')).toBe(true)
    // Fill the table until it empties (forgetting this sentence's words), then
    // to one word short of full (it holds 2 ** 15 words): the vote's lookup of
    // "The" takes the last slot and its next word empties the table again.
    const full = 2 ** 15
    let index = 0
    const generation = wordTable.generation
    while (wordTable.generation === generation) wordTable.slot(`qz${index++}x`)
    for (let added = 1; added < full - 1; added++) wordTable.slot(`qz${index++}x`)
    const before = wordTable.generation
    expect(retextCounts(sentence)).toEqual({
      ...expected,
      sentence: 1,
      character: expected.letter,
      difficultWord: expected.word - easyWords.size,
      unfamiliarWord: expected.word - familiarWords.size,
    })
    expect(wordTable.generation).toBe(before + 1)
  })

  it('resolves settings as retext-readability does (`||` defaults)', () => {
    expect(voteSettings({age: 0, threshold: 0})).toEqual({age: 16, minWords: 5, threshold: 4 / 7})
    expect(voteSettings({minWords: 0})).toMatchObject({minWords: 0})
  })

  it('gives the same messages when words hold words (the sentence then goes as it is)', () => {
    // No parser makes these; a plugin could: every word's parts wrapped in an inner word.
    const nest = (tree: Root): void => {
      for (const sentence of sentenceNodes(tree)) {
        for (const child of sentence.children) {
          if (child.type === 'WordNode') {
            child.children = [{type: 'WordNode', children: child.children} as never]
          }
        }
      }
    }
    const {plain, gated} = bothWays([...written, ...sentences(200, 5)].join('\n'), nest)
    expect(plain.length).toBeGreaterThan(20)
    expect(gated).toEqual(plain)
  })

  it('lets the wrapper give the same messages as retext-readability on every sentence', () => {
    const {plain, gated} = bothWays([...written, ...sentences(800, 11)].join('\n'))
    expect(plain.length).toBeGreaterThan(100)
    expect(gated).toEqual(plain)
  })

  const shared = new URL('../../shared/benchmarks/neutrality/', import.meta.url)
  it.skipIf(!existsSync(shared))(
    'gives the same messages on the dev sentences in ../shared',
    () => {
      for (const name of ['wnc-dev.jsonl']) {
        const lines = readFileSync(new URL(name, shared), 'utf8').split('\n').filter(Boolean)
        const text = lines
          .map((line) => String((JSON.parse(line) as {text?: string}).text ?? ''))
          .join('\n')
        const {plain, gated} = bothWays(text)
        expect(gated).toEqual(plain)
      }
    },
  )
})

describe('the memoised `syllable` that retext-readability and the vote share', () => {
  it('is the package retext-readability imports (root `overrides`)', () => {
    const require = createRequire(import.meta.url)
    const fromRetext = createRequire(require.resolve('retext-readability')).resolve('syllable')
    expect(fromRetext.replaceAll('\\', '/')).toMatch(/\/packages\/syllable-memo\/index\.js$/)
  })

  it('answers as the syllable package does, on the first call and on later ones', () => {
    const words = [...written, ...sentences(300, 3)].join(' ').split(/\s+/)
    for (let round = 0; round < 2; round++) {
      for (const word of words) expect(syllable(word)).toBe(upstreamSyllable(word))
    }
  })
})
