/**
 * Runs the pipeline on the parts of a long text (chunks.ts) and joins what
 * each part left on the file into what one run on the whole text leaves:
 * cleaned text, removals, changes and messages in the order the plugins make
 * them, sentence offsets in the whole cleaned text, and document scores
 * recomputed from summed counts.
 */
import type {Root} from 'nlcst'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {parseNewsSlice} from '../plugins/parse-news.js'
import type {Removal} from '../plugins/util/data-map.js'
import {shippedModel} from '../plugins/util/neutrality-model.js'
import type {NeutralityReport, SentenceNeutrality} from '../plugins/util/neutrality-types.js'
import {emptyCounts, scoreCounts} from '../plugins/util/readability-counts.js'
import type {DocumentReadability, SentenceReport} from '../plugins/util/readability-types.js'
import {addUnfamiliarKeys} from '../plugins/util/readability-unfamiliar.js'
import {type Call, mergeCalls, traceCalls} from './chunk-calls.js'
import type {Chunk} from './chunks.js'
import {severityOf} from './record.js'

type Pipeline = Processor<Root, Root, Root, Root, string>

/** What one part left on the file. */
interface Part {
  readonly output: string
  readonly messages: readonly VFileMessage[]
  readonly removed: readonly Removal[]
  /** The normalisers' `recordChanges` calls, with their changes and messages. */
  readonly calls: readonly Call[]
  readonly readability: DocumentReadability | undefined
  readonly sentences: readonly SentenceReport[]
  readonly neutrality: NeutralityReport | undefined
  /** Spache-unfamiliar words of the part (the document counts each once). */
  readonly unfamiliar: ReadonlySet<string>
  /** Words of each sentence, which weigh its neutrality score. */
  readonly sentenceWords: readonly number[]
}

/**
 * What the merge needs of a part's words, sentence by sentence: the words of
 * each (they weigh its neutrality score) and, for readability, the lower-case
 * forms of its Spache-unfamiliar words (the document counts each once).
 */
function wordsOf(
  tree: Root,
  readability: boolean,
): {unfamiliar: Set<string>; sentenceWords: number[]} {
  const unfamiliar = new Set<string>()
  const sentenceWords: number[] = []
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'SentenceNode') {
      let words = 0
      for (const child of node.children) if (child.type === 'WordNode') words++
      sentenceWords.push(words)
      if (readability) addUnfamiliarKeys(node, unfamiliar)
    } else if ('children' in node) {
      for (const child of node.children) visit(child)
    }
  }
  visit(tree)
  return {unfamiliar, sentenceWords}
}

/**
 * Run `pipelineOf(chunk)` on each part of `file` in turn, then leave on
 * `file` the messages and data of one whole run. Returns the cleaned text.
 */
export function runChunks(
  file: VFile,
  chunks: readonly Chunk[],
  pipelineOf: (chunk: Chunk) => Pipeline,
): string {
  const text = String(file.value)
  const parts: Part[] = []
  const trace = traceCalls(file)
  const ownSymbols = new Set(Object.getOwnPropertySymbols(file))
  for (const chunk of chunks) {
    const processor = pipelineOf(chunk)
    const tree = parseNewsSlice(text, chunk)
    processor.runSync(tree, file)
    const output = processor.stringify(tree, file)
    const data = file.data
    parts.push({
      output,
      messages: file.messages,
      removed: data.removed ?? [],
      calls: trace.take(),
      readability: data.readability,
      sentences: data.sentences ?? [],
      neutrality: data.neutrality,
      ...(data.readability || data.neutrality
        ? wordsOf(tree, data.readability !== undefined)
        : {unfamiliar: new Set<string>(), sentenceWords: []}),
    })
    // A message's ancestors (retext-readability gives the paragraph) would keep
    // the part's tree alive until the merge; the record never reads them.
    for (const message of file.messages) message.ancestors = undefined
    // What plugins cache on the file under a symbol (score-readability's
    // sentence counts) belongs to this part's tree: the next part starts
    // without it, so it neither misses nor keeps this tree alive.
    for (const key of Object.getOwnPropertySymbols(file)) {
      if (!ownSymbols.has(key)) delete (file as unknown as Record<symbol, unknown>)[key]
    }
    // Each part starts clean: its findings are kept in `parts` until the merge.
    file.messages = []
    delete data.removed
    delete data.readability
    delete data.sentences
    delete data.neutrality
  }
  return merge(file, chunks, parts)
}

function merge(file: VFile, chunks: readonly Chunk[], parts: readonly Part[]): string {
  const text = String(file.value)
  const outputs: string[] = []
  const sentences: SentenceReport[] = []
  const neutral: SentenceNeutrality[] = []
  let offset = 0
  parts.forEach((part, index) => {
    const previous = chunks[index - 1]
    const chunk = chunks[index]
    // The seam between parts is a gap the whole run leaves as it is.
    if (previous && chunk) {
      const gap = text.slice(previous.end, chunk.start)
      outputs.push(gap)
      offset += gap.length
    }
    // Shifted in place: the part's own objects, which nothing else holds.
    for (const item of part.sentences) {
      item.start += offset
      item.end += offset
      sentences.push(item)
    }
    for (const item of part.neutrality?.sentences ?? []) {
      item.start += offset
      item.end += offset
      neutral.push(item)
    }
    outputs.push(part.output)
    offset += part.output.length
  })
  const data = file.data
  data.removed = inPluginOrder(parts.map((part) => part.removed))
  const calls = new Map<string, ReturnType<typeof mergeCalls>>()
  for (const source of keyOrder(parts.map((part) => sourcesOf(part.calls)))) {
    calls.set(
      source,
      mergeCalls(parts.map((part) => part.calls.filter((call) => call.source === source))),
    )
  }
  // Set as a plain value again: during the run a tracer stood in for it.
  Object.defineProperty(data, 'changes', {
    configurable: true,
    enumerable: true,
    writable: true,
    value: [...calls.values()].flatMap((merged) => merged.changes),
  })
  file.messages = mergeMessages(parts, calls)
  if (parts.every((part) => part.readability)) {
    data.readability = mergeReadability(parts)
    data.sentences = sentences
  }
  if (parts.every((part) => part.neutrality)) data.neutrality = mergeNeutrality(parts, neutral)
  return outputs.join('')
}

/**
 * Keys in an order that keeps the order of every list (each plugin runs once
 * a part, so each list has the plugins' order); ties by first appearance.
 */
function keyOrder(lists: readonly (readonly string[])[]): string[] {
  const first = new Map<string, number>()
  const after = new Map<string, Set<string>>()
  const pending = new Map<string, number>()
  for (const list of lists) {
    list.forEach((key, index) => {
      if (!first.has(key)) first.set(key, first.size)
      const next = list[index + 1]
      if (next === undefined || next === key || after.get(key)?.has(next)) return
      after.set(key, (after.get(key) ?? new Set()).add(next))
      pending.set(next, (pending.get(next) ?? 0) + 1)
    })
  }
  const keys = [...first.keys()]
  const order: string[] = []
  const done = new Set<string>()
  while (order.length < keys.length) {
    // The first key nothing pending comes before; on a cycle, the first left.
    const ready = keys.find((key) => !done.has(key) && !pending.get(key))
    const key = ready ?? (keys.find((candidate) => !done.has(candidate)) as string)
    done.add(key)
    order.push(key)
    for (const next of after.get(key) ?? []) pending.set(next, (pending.get(next) ?? 1) - 1)
  }
  return order
}

/** Items of every part grouped by `keyOf` in plugin order, in part order within a group. */
function grouped<T>(lists: readonly (readonly T[])[], keyOf: (item: T) => string): T[][] {
  const runs = lists.map((list) => {
    const keys: string[] = []
    for (const item of list) if (keys.at(-1) !== keyOf(item)) keys.push(keyOf(item))
    return keys
  })
  const order = keyOrder(runs)
  const groups = new Map(order.map((key) => [key, [] as T[]]))
  for (const list of lists) for (const item of list) groups.get(keyOf(item))?.push(item)
  return [...groups.values()]
}

function inPluginOrder<T extends {source: string}>(lists: readonly (readonly T[])[]): T[] {
  return grouped(lists, (item) => item.source).flat()
}

/**
 * Messages as one run makes them: plugin by plugin; within a plugin, its kinds
 * (warnings, change messages, other messages) in the order every part shows
 * them: change messages as `mergeCalls` orders them, others in text order.
 */
function mergeMessages(
  parts: readonly Part[],
  calls: ReadonlyMap<string, ReturnType<typeof mergeCalls>>,
): VFileMessage[] {
  const ofCalls = new Set<VFileMessage>()
  for (const part of parts)
    for (const call of part.calls) for (const message of call.messages) ofCalls.add(message)
  const merged: VFileMessage[] = []
  for (const source of keyOrder(parts.map((part) => sourcesOf(part.messages)))) {
    const perPart = parts.map((part) =>
      part.messages.filter((message) => (message.source ?? '') === source),
    )
    const kindOf = (message: VFileMessage): string =>
      ofCalls.has(message) ? 'change' : severityOf(message)
    for (const kind of grouped(perPart, kindOf)) {
      const head = kind[0]
      if (head && kindOf(head) === 'change') merged.push(...(calls.get(source)?.messages ?? []))
      else merged.push(...kind)
    }
  }
  return merged
}

/** The sources of `items` in their order, each run once. */
function sourcesOf(items: readonly {source?: string | null | undefined}[]): string[] {
  const sources: string[] = []
  for (const item of items)
    if (sources.at(-1) !== (item.source ?? '')) sources.push(item.source ?? '')
  return sources
}

function mergeReadability(parts: readonly Part[]): DocumentReadability {
  const counts = emptyCounts()
  const unfamiliar = new Set<string>()
  for (const part of parts) {
    const scores = part.readability
    if (!scores) continue
    counts.sentences += scores.sentences
    counts.words += scores.words
    counts.syllables += scores.syllables
    counts.letters += scores.letters ?? 0
    counts.characters += scores.characters
    counts.polysyllables += scores.polysyllables ?? 0
    counts.complexWords += scores.complexWords
    counts.longWords += scores.longWords
    counts.difficultWords += scores.difficultWords ?? 0
    for (const key of part.unfamiliar) unfamiliar.add(key)
  }
  counts.unfamiliarWords = unfamiliar.size
  return scoreCounts(counts)
}

/** The document score as score-neutrality makes it: the word-weighted mean of its sentences. */
function mergeNeutrality(
  parts: readonly Part[],
  sentences: SentenceNeutrality[],
): NeutralityReport {
  let weighted = 0
  let words = 0
  for (const part of parts) {
    part.neutrality?.sentences.forEach((sentence, index) => {
      const count = part.sentenceWords[index] ?? 0
      weighted += sentence.score * count
      words += count
    })
  }
  const score = words === 0 ? 100 : Math.round((weighted / words) * 1000) / 1000
  return {
    score,
    verdict: score < shippedModel.threshold ? 'loaded' : 'neutral',
    signals: parts.flatMap((part) => part.neutrality?.signals ?? []),
    sentences,
  }
}
