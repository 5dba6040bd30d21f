/**
 * The review decisions a QA report exports, read back by copydesk as
 * suppressions. The format is written down in README.md (QA report →
 * Decisions file); `copydesk report --suppressions FILE` shows them again.
 */
import {readFile} from 'node:fs/promises'
import {z} from 'zod'

/** One removal a reviewer marked as wrong. */
export const suppressionSchema = z.object({
  /** `fingerprintRemoval(id, removal)`: what the decision applies to. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  id: z.string(),
  ruleId: z.string(),
  source: z.string(),
  /** The removed text, whitespace as in the input (lint baselines call it `actual` too). */
  actual: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  decision: z.literal('wrong'),
  note: z.string().optional(),
})

export const suppressionsFileSchema = z.object({
  version: z.literal(1),
  tool: z.literal('copydesk-report'),
  created: z.string().optional(),
  report: z.string().optional(),
  suppressions: z.array(suppressionSchema),
})

export type Suppression = z.infer<typeof suppressionSchema>
export type SuppressionsFile = z.infer<typeof suppressionsFileSchema>

/** Parse a decisions file; throws an Error naming the first problem. */
export function parseSuppressions(text: string, name = 'suppressions'): SuppressionsFile {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(`${name}: not JSON: ${(error as Error).message}`)
  }
  const result = suppressionsFileSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(`${name}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`)
  }
  return result.data
}

/** Read and check a decisions file. */
export async function readSuppressions(path: string): Promise<SuppressionsFile> {
  return parseSuppressions(await readFile(path, 'utf8'), path)
}
