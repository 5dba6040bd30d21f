import type {Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import {type Counts, sentenceGrade} from './readability-counts.js'
import {textOf} from './readability-text.js'
import {voteBit} from './readability-vote-words.js'
import {
  factAt,
  factStride,
  openingShift,
  voteShift,
  wordFlag,
  wordTable,
} from './readability-words.js'
import {symbolSyllables} from './syllables-numbers.js'

/** One sentence's counts, and the words the explanations and totals need. */
export interface SentenceCounts {
  counts: Counts
  /** Gunning's complex words, in order, each once. */
  complex: readonly string[]
  /**
   * The numbers of its Spache-unfamiliar words' lower-case forms
   * (`wordTable.keyOf`), for the document's once-each count; they hold in
   * `generation` only.
   */
  unfamiliar: readonly number[]
  /** The word table's generation the counts were made in (`-1`: more than one). */
  generation: number
  /** Length of the longest word, in characters. */
  longest: number
  /** Median grade of its formulas (`sentenceGrade`), `NaN` without words. */
  grade: number
  /**
   * retext-readability's reading, taken in the same pass for its vote
   * (readability-votes.ts): every `WordNode`, countable or not; `-1` when the
   * sentence holds a parent node other than a word of text (a word in a word),
   * which its walk would read differently.
   */
  voteWords: number
  /** Its letters: the length of each word's text. */
  voteLetters: number
  /** Its words whose first character lower-casing leaves as it is. */
  voteNameless: number
}

const figure = /\p{N}/u
const none: readonly never[] = Object.freeze([])

type Child = Sentence['children'][number]

/** Whether `word` holds anything but text, punctuation and symbols (a word in a word). */
function nests(word: Extract<Child, {children: unknown}>): boolean {
  for (const child of word.children) if (!('value' in child)) return true
  return false
}

/**
 * Count one sentence: every word with a letter or a figure, plus what a
 * currency or percent sign beside a figure adds when read aloud (`$5` "five
 * dollars", `5%` "five percent"; Flesch 1948 counts symbols as read).
 */
export function countSentence(sentence: Sentence): SentenceCounts {
  // Plain numbers while counting, one object at the end: this loop runs on
  // every word of every document.
  let words = 0
  let syllables = 0
  let letters = 0
  let characters = 0
  let polysyllables = 0
  let complexWords = 0
  let longWords = 0
  let difficultWords = 0
  let unfamiliarWords = 0
  let longest = 0
  let voteWords = 0
  let voteLetters = 0
  let voteNameless = 0
  let nested = false
  let complex: string[] | undefined
  let unfamiliar: number[] | undefined
  const table = wordTable
  const facts = table.facts
  const generation = table.generation
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Child
    if (child.type === 'SymbolNode') {
      const extra = symbolSyllables(child.value)
      if (extra === 0) continue
      const neighbour = child.value === '%' ? children[index - 1] : children[index + 1]
      if (neighbour?.type === 'WordNode' && figure.test(textOf(neighbour))) syllables += extra
      continue
    }
    if (child.type !== 'WordNode') {
      if (!('value' in child)) nested = true
      continue
    }
    // A word of one text node, the usual case, is read directly.
    const only = child.children.length === 1 ? child.children[0] : undefined
    let text: string
    if (only !== undefined && 'value' in only) text = only.value
    else {
      text = textOf(child)
      if (nests(child)) nested = true
    }
    const slot = table.slot(text)
    const at = slot * factStride
    const bits = facts[at + factAt.flags] ?? 0
    voteWords++
    voteLetters += text.length
    if ((bits >> voteShift) & voteBit.nameless) voteNameless++
    const flags = words === 0 ? bits >> openingShift : bits
    if ((flags & wordFlag.countable) === 0) continue
    words++
    syllables += facts[at + factAt.syllables] ?? 0
    letters += facts[at + factAt.letters] ?? 0
    characters += facts[at + factAt.characters] ?? 0
    if (flags & wordFlag.polysyllabic) polysyllables++
    if (flags & wordFlag.long) longWords++
    if (flags & wordFlag.difficult) difficultWords++
    if (flags & wordFlag.complex) {
      complexWords++
      complex ??= []
      if (!complex.includes(text)) complex.push(text)
    }
    if (flags & wordFlag.unfamiliar) {
      unfamiliarWords++
      unfamiliar ??= []
      unfamiliar.push(facts[at + factAt.key] ?? 0)
    }
    if (text.length > longest) longest = text.length
  }
  const counts: Counts = {
    sentences: 1,
    words,
    syllables,
    letters,
    characters,
    polysyllables,
    complexWords,
    longWords,
    difficultWords,
    unfamiliarWords,
  }
  return {
    counts,
    complex: complex ?? none,
    unfamiliar: unfamiliar ?? none,
    // Emptied while counting: its key numbers are of two generations.
    generation: table.generation === generation ? generation : -1,
    longest,
    grade: sentenceGrade(counts),
    voteWords: nested ? -1 : voteWords,
    voteLetters,
    voteNameless,
  }
}

// The counts of each sentence, per file: both readability analysers read
// them, and counting is most of their work. Both walk the sentences in
// document order, so the counts are kept in that order and each analyser reads
// them back with its own cursor; a sentence node that is not the one recorded
// at the cursor is counted afresh. Analysers never change the tree, and the
// counts are only reused for the same file, so a tree cleaned again (a new
// run, a new file) is counted again. They are kept on the file under a symbol
// (out of `file.data`, JSON and structured clones), and go when the file goes:
// a module-level `WeakMap` kept each tree alive into the old generation.
interface Counted {
  readonly sentences: Sentence[]
  readonly results: Array<Readonly<SentenceCounts>>
}

const countedKey = Symbol('copydesk readability counts')

type CountedFile = VFile & {[countedKey]?: Counted}

/**
 * `countSentence` for the sentences of `file`'s tree, counted once however
 * many analysers ask (each visiting them in document order). Callers treat
 * the counts as read-only.
 */
export function sentenceCounter(file: VFile): (sentence: Sentence) => Readonly<SentenceCounts> {
  const holder = file as CountedFile
  holder[countedKey] ??= {sentences: [], results: []}
  const {sentences, results} = holder[countedKey]
  let cursor = 0
  return (sentence) => {
    if (sentences[cursor] === sentence) return results[cursor++] as Readonly<SentenceCounts>
    const result = countSentence(sentence)
    if (cursor === sentences.length) {
      sentences.push(sentence)
      results.push(result)
      cursor++
    }
    return result
  }
}
