/**
 * The boilerplate rule registry: the shape of a rule (checked with zod, so a
 * user's own rules get the same checks as the shipped ones), and compiling
 * rules into regular expressions once, in the plugin's attacher.
 */
import {z} from 'zod'
import {tableNeedlesOf} from './boilerplate-needle-table.js'

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

/** One rule, as written in `plugins/data/boilerplate.json` or passed by a user. */
export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  publisher: z.string().min(1),
  kind: z.enum(ruleKinds),
  description: z.string().min(1),
  pattern: z.string().min(1).optional(),
  flags: z
    .string()
    .regex(/^[im]*$/)
    .optional(),
  until: z.string().min(1).optional(),
  link: z.string().min(1).optional(),
  maxLines: z.number().int().positive().optional(),
  maxChars: z.number().int().positive().optional(),
  confidence: z.number().min(0).max(1),
  enabled: z.boolean().optional(),
  example: z.string().min(1),
  expected: z.string(),
  source: z.string().min(1),
})

/** One boilerplate rule. */
export type Rule = z.infer<typeof ruleSchema>

/** A registry file: what it holds and where its rules come from. */
export const registrySchema = z.strictObject({
  description: z.string().min(1),
  source: z.string().min(1),
  rules: z.array(ruleSchema).min(1),
})

/** A rule with its expressions built. */
export interface CompiledRule {
  readonly rule: Rule
  /** `pattern`, anchored to a whole line for `line`-like kinds. */
  readonly pattern: RegExp | undefined
  readonly until: RegExp | undefined
  readonly link: RegExp | undefined
  /** Strings of which a text must hold one for the rule to find anything (none: always run). */
  readonly needles: readonly string[] | undefined
}

const needsPattern = new Set<Rule['kind']>(['line', 'text', 'block', 'list', 'tail', 'tweet'])

function build(source: string | undefined, flags: string, id: string): RegExp | undefined {
  if (source === undefined) return undefined
  try {
    return new RegExp(source, flags)
  } catch (error) {
    throw new Error(`remove-boilerplate: rule \`${id}\` has a bad pattern: ${String(error)}`)
  }
}

/** Check one rule and build its expressions; throws a readable error on a bad rule. */
export function compileRule(input: unknown): CompiledRule {
  const rule = ruleSchema.parse(input)
  if (needsPattern.has(rule.kind) && rule.pattern === undefined) {
    throw new Error(`remove-boilerplate: rule \`${rule.id}\` (${rule.kind}) needs a pattern`)
  }
  if (rule.kind === 'block' && rule.until === undefined) {
    throw new Error(`remove-boilerplate: block rule \`${rule.id}\` needs \`until\``)
  }
  if (rule.kind === 'tweet' && rule.link === undefined) {
    throw new Error(`remove-boilerplate: tweet rule \`${rule.id}\` needs \`link\``)
  }
  const extra = rule.flags ?? ''
  const wholeLine = (source: string | undefined): string | undefined =>
    source === undefined ? undefined : `^(?:${source})$`
  const pattern =
    rule.kind === 'text'
      ? build(rule.pattern, `gdu${extra}`, rule.id)
      : build(wholeLine(rule.pattern), `u${extra}`, rule.id)
  return {
    rule,
    pattern,
    until: build(wholeLine(rule.until), `u${extra}`, rule.id),
    link: build(rule.link, `u${extra}`, rule.id),
    // Every kind but `headline-run` finds nothing unless `pattern` matches.
    needles: pattern && rule.kind !== 'headline-run' ? tableNeedlesOf(pattern) : undefined,
  }
}

/**
 * The rules to run: the registry's, minus those switched off, plus the user's.
 * `switches` maps rule ids to on (`true`) or off (`false`); a rule with
 * `enabled: false` in the data runs only when switched on.
 */
export function selectRules(
  registry: readonly unknown[],
  userRules: readonly unknown[],
  switches: Readonly<Record<string, boolean>>,
): CompiledRule[] {
  const compiled = [...registry, ...userRules].map(compileRule)
  const seen = new Set<string>()
  for (const {rule} of compiled) {
    if (seen.has(rule.id)) throw new Error(`remove-boilerplate: duplicate rule id \`${rule.id}\``)
    seen.add(rule.id)
  }
  for (const id of Object.keys(switches)) {
    if (!seen.has(id)) throw new Error(`remove-boilerplate: unknown rule id \`${id}\``)
  }
  return compiled.filter(({rule}) => switches[rule.id] ?? rule.enabled ?? true)
}
