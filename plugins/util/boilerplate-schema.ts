/**
 * The shape of a boilerplate rule and of a registry file, as zod schemas.
 *
 * The schemas are made by functions that take the zod to use, so that
 * boilerplate-rules.ts can check a user's rules with zod loaded only when
 * there are some: the shipped rules are checked by the build and the tests,
 * and a one-article `copydesk clean` neither loads nor runs zod.
 */
import {z} from 'zod'

/**
 * How a rule matches:
 * - `line`: `pattern` matches a whole line (leading and trailing spaces aside);
 *   the line goes.
 * - `text`: `pattern` is searched in the whole text (add `m` to `flags` for
 *   `^`/`$` at line ends); the match goes, or only its named group `cut`.
 * - `block`: a line matching `pattern` starts a box that runs up to, not
 *   including, the first line matching `until` within `maxLines` lines.
 * - `list`: a line matching `pattern` and the headline-shaped lines after it.
 * - `tail`: a line matching `pattern` and everything after it, when at most
 *   `maxChars` characters follow.
 * - `tweet`: an embedded tweet, found by its attribution line (`pattern`) and
 *   a tweet link (`link`) in the paragraph before it.
 * - `headline-run`: two or more headline-shaped one-line paragraphs between
 *   paragraphs of prose: unlabelled related-story links.
 */
export const ruleKinds = ['line', 'text', 'block', 'list', 'tail', 'tweet', 'headline-run'] as const

/** The zod namespace the schemas are made with (its ES module or its CommonJS build). */
export type Zod = typeof z

/** The schema of one rule, made with `zod`. */
export function ruleSchemaOf(zod: Zod) {
  return zod.strictObject({
    id: zod.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    publisher: zod.string().min(1),
    kind: zod.enum(ruleKinds),
    description: zod.string().min(1),
    pattern: zod.string().min(1).optional(),
    flags: zod
      .string()
      .regex(/^[im]*$/)
      .optional(),
    until: zod.string().min(1).optional(),
    link: zod.string().min(1).optional(),
    maxLines: zod.number().int().positive().optional(),
    maxChars: zod.number().int().positive().optional(),
    confidence: zod.number().min(0).max(1),
    enabled: zod.boolean().optional(),
    example: zod.string().min(1),
    expected: zod.string(),
    source: zod.string().min(1),
  })
}

/** The schema of a registry file, made with `zod`. */
export function registrySchemaOf(zod: Zod) {
  return zod.strictObject({
    description: zod.string().min(1),
    source: zod.string().min(1),
    rules: zod.array(ruleSchemaOf(zod)).min(1),
  })
}

// Marked pure: a bundle that never reads them leaves them, and zod, out.

/** One rule, as written in `plugins/data/boilerplate.json` or passed by a user. */
export const ruleSchema = /* @__PURE__ */ ruleSchemaOf(z)

/** A registry file: what it holds and where its rules come from. */
export const registrySchema = /* @__PURE__ */ registrySchemaOf(z)

/** One boilerplate rule. */
export type Rule = z.infer<typeof ruleSchema>
