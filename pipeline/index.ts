/**
 * copydesk's library API.
 *
 * ```ts
 * import {clean} from 'copydesk'
 * const record = clean('President TrumpDonald John TrumpHeadline MORE warned…')
 * record.text // 'President Trump warned…'
 * ```
 */

import type {Root} from 'nlcst'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import normalisePunctuation, {type QuotePolicy} from '../plugins/normalise-punctuation.js'
import parseNews from '../plugins/parse-news.js'
import removeBoilerplate, {
  type Options as BoilerplateOptions,
} from '../plugins/remove-boilerplate.js'
import stringifyNews from '../plugins/stringify-news.js'
import {runChunks} from './chunk-merge.js'
import {chunkBoilerplate, defaultChunkSize, planChunks} from './chunks.js'
import {clean as cleanPreset, normalise, repair, score} from './presets.js'
import {type CleanRecord, toRecord} from './record.js'

export type {QuotePolicy} from '../plugins/normalise-punctuation.js'
export {
  default as parseNews,
  parseNewsSlice,
  parseNewsText,
  type TextSlice,
} from '../plugins/parse-news.js'
export type {
  Options as BoilerplateOptions,
  Rule as BoilerplateRule,
} from '../plugins/remove-boilerplate.js'
export type {Change, Removal} from '../plugins/util/data-map.js'
export type {DocumentReadability, SentenceReport} from '../plugins/util/readability-types.js'
export {countSyllables} from '../plugins/util/syllables.js'
export {
  type ArticleMeta,
  type ExtractedArticle,
  type ExtractOptions,
  extractArticle,
  HtmlInputError,
  type HtmlRemoval,
} from './io/html.js'
export {type DecodedHtml, decodeHtml} from './io/html-charset.js'
export {
  clean as cleanPreset,
  normalise as normalisePreset,
  repair as repairPreset,
  score as scorePreset,
} from './presets.js'
export type {CleanRecord, ErrorRecord, MessageRecord} from './record.js'

export interface PipelineOptions {
  /** Run the analysers (readability) too (default: `true`). */
  readonly score?: boolean | undefined
  /**
   * Quotes, apostrophes, dashes and ellipses: `'preserve'` (default),
   * `'straight'` (ASCII) or `'curly'` (typographic); see normalise-punctuation.
   */
  readonly quotes?: QuotePolicy | undefined
  /**
   * Boilerplate rules switched on or off by id (`rules`) and your own rules
   * (`extraRules`), as the remove-boilerplate plugin takes them (default: `{}`).
   */
  readonly boilerplate?: BoilerplateOptions | undefined
}

export interface CleanOptions extends PipelineOptions {
  /** Record id, copied into the record. */
  readonly id?: string | number | undefined
  /** Report what would be removed or changed, and change nothing (default: `false`). */
  readonly dryRun?: boolean | undefined
  /** Path of the input, for messages. */
  readonly path?: string | undefined
  /**
   * Texts longer than this many characters are cleaned in parts cut at safe
   * paragraph breaks, with the same record (default: `32768`; see pipeline/chunks.ts).
   */
  readonly chunkSize?: number | undefined
}

type Pipeline = Processor<Root, Root, Root, Root, string>

/** The full copydesk processor: repair, clean, normalise, then score. Frozen. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  // parse-news: parse-english's tree shape, with news-aware sentence ends.
  // The tree's text view goes from the parser through the cleaners to the
  // compiler: every plugin here that edits the tree keeps it (applyEdits).
  const processor = unified()
    .use(parseNews, {shareView: true})
    .use(stringifyNews, {sharedView: true})
    .use(repair)
    .use(cleanPreset)
    .use(normalise)
    // Using a plugin again configures it in its place in the normalise preset.
    .use(normalisePunctuation, {policy: options.quotes ?? 'preserve'})
    // Likewise in its place in the clean preset.
    .use(removeBoilerplate, options.boilerplate ?? {})
  return (options.score === false
    ? processor
    : processor.use(score)
  ).freeze() as unknown as Pipeline
}

const cache = new Map<string, Pipeline>()

function pipelineFor(options: PipelineOptions): Pipeline {
  const key = `${options.score !== false}:${options.quotes ?? 'preserve'}:${JSON.stringify(options.boilerplate ?? {})}`
  let processor = cache.get(key)
  if (!processor) {
    processor = createPipeline(options)
    cache.set(key, processor)
  }
  return processor
}

/** Clean and score one text; every change is in the record. */
export function clean(text: string, options: CleanOptions = {}): CleanRecord {
  const processor = pipelineFor(options)
  const file = new VFile({value: text, ...(options.path ? {path: options.path} : {})})
  file.data.dryRun = options.dryRun === true
  const chunks = planChunks(text, options.chunkSize ?? defaultChunkSize, options.boilerplate)
  if (chunks.length > 1) {
    // A long text's tree would outlive the young generation: parts keep GC cheap.
    const boilerplate = options.boilerplate ?? {}
    const output = runChunks(file, chunks, (chunk) =>
      pipelineFor({...options, boilerplate: chunkBoilerplate(boilerplate, chunk)}),
    )
    return toRecord(file, options.dryRun ? text : output, options.id)
  }
  const tree = processor.runSync(processor.parse(file), file)
  const output = processor.stringify(tree, file)
  return toRecord(file, options.dryRun ? text : output, options.id)
}

// In a module of its own, so that clean() does not load the HTML reader (see clean-html.ts).
export {type CleanHtmlOptions, cleanHtml} from './clean-html.js'
