/**
 * Input items as queue jobs. Enqueue reads inputs with the same readers as a
 * local run (every format copydesk reads), and the worker processes them with
 * the same function, so a distributed run writes the same records.
 */
import {createHash} from 'node:crypto'
import {z} from 'zod'
import type {InputFile} from '../batch.js'
import {defaultFields, type FieldMap} from '../io/jsonl.js'
import {readInputFile} from '../io/readers.js'
import type {InputItem} from '../item.js'

const itemSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  error: z.string().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
})

/** A job's data: the item and its place in the input order. */
export const taskSchema = z.object({
  seq: z.number().int().nonnegative(),
  item: itemSchema.refine(
    (item) => item.text !== undefined || item.html !== undefined || item.error !== undefined,
    'an item needs text, html or an error',
  ),
})

export type QueuedTask = z.infer<typeof taskSchema>

/** Every item of every input file, in the order a local run reads them. */
export async function* readTasks(
  files: readonly InputFile[],
  fields: FieldMap = defaultFields,
): AsyncGenerator<InputItem> {
  for (const file of files) yield* readInputFile(file, {fields})
}

/** JSON-safe copy of an item (drops undefined fields, which JSON drops anyway). */
export function plainItem(item: InputItem): QueuedTask['item'] {
  return JSON.parse(JSON.stringify(item)) as QueuedTask['item']
}

/**
 * A job id from the item's identity (file, line, id), its content, the fields
 * kept for it and the config: the same record enqueued twice under one config is one job.
 */
export function jobIdOf(item: InputItem, configHash: string): string {
  const hash = createHash('sha256')
    .update(configHash)
    .update('\0')
    .update(
      JSON.stringify([item.file ?? null, item.line ?? null, item.id ?? null, item.url ?? null]),
    )
    .update('\0')
    .update(item.text ?? item.html ?? `error:${item.error ?? ''}`)
  // The kept fields are part of the record it makes (`--keep-fields`); without
  // them the id is what it was before the option existed.
  if (item.extra !== undefined) hash.update('\0').update(JSON.stringify(item.extra))
  return hash.digest('hex').slice(0, 32)
}
