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
import {retext} from 'retext'
import type {Processor} from 'unified'
import {VFile} from 'vfile'
import {clean as cleanPreset, normalise, score} from './presets.js'
import {type CleanRecord, toRecord} from './record.js'

export type {Change, Removal} from '../plugins/util/data-map.js'
export type {DocumentReadability, SentenceReport} from '../plugins/util/readability-types.js'
export {
  clean as cleanPreset,
  normalise as normalisePreset,
  score as scorePreset,
} from './presets.js'
export type {CleanRecord, ErrorRecord, MessageRecord} from './record.js'

export interface PipelineOptions {
  /** Run the analysers (readability) too (default: `true`). */
  readonly score?: boolean | undefined
}

export interface CleanOptions extends PipelineOptions {
  /** Record id, copied into the record. */
  readonly id?: string | number | undefined
  /** Report what would be removed or changed, and change nothing (default: `false`). */
  readonly dryRun?: boolean | undefined
  /** Path of the input, for messages. */
  readonly path?: string | undefined
}

type Pipeline = Processor<Root, Root, Root, Root, string>

/** The full copydesk processor: clean, normalise, then score. Frozen. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const processor = retext().use(cleanPreset).use(normalise)
  return (options.score === false
    ? processor
    : processor.use(score)
  ).freeze() as unknown as Pipeline
}

const cache = new Map<boolean, Pipeline>()

function pipelineFor(options: PipelineOptions): Pipeline {
  const key = options.score !== false
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
  const tree = processor.runSync(processor.parse(file), file)
  const output = processor.stringify(tree, file)
  return toRecord(file, options.dryRun ? text : output, options.id)
}
