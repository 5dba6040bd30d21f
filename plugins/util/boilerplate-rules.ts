/**
 * The boilerplate rule registry: compiling rules into regular expressions
 * once, in the plugin's attacher. A user's rules are checked with zod first
 * (the schema is in boilerplate-schema.ts); the shipped rules were checked by
 * the build (scripts/build-boilerplate-needles.ts compiles each one checked)
 * and by the tests, so a start-up does not check them again.
 */
import {createRequire} from 'node:module'
import {tableNeedlesOf} from './boilerplate-needle-table.js'
import {type Rule, ruleSchemaOf, type Zod} from './boilerplate-schema.js'

export {type Rule, registrySchema, ruleKinds, ruleSchema} from './boilerplate-schema.js'

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

let userRuleSchema: ReturnType<typeof ruleSchemaOf> | undefined

/**
 * Check a user's rule against the rule schema. zod is loaded (its CommonJS
 * build, the only one `require` can load) the first time a rule is checked,
 * so that commands and pipelines without user rules never load it.
 */
function checkRule(input: unknown): Rule {
  userRuleSchema ??= ruleSchemaOf((createRequire(import.meta.url)('zod') as {z: Zod}).z)
  return userRuleSchema.parse(input)
}

/**
 * Check one rule and build its expressions; throws a readable error on a bad
 * rule. `trusted`: a shipped rule, already checked against the schema by the
 * build and the tests (the other checks and the expressions still run).
 */
export function compileRule(input: unknown, trusted = false): CompiledRule {
  const rule = trusted ? (input as Rule) : checkRule(input)
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
 * The rules to run: the registry's (the shipped rules, trusted: see
 * {@link compileRule}), minus those switched off, plus the user's (checked).
 * `switches` maps rule ids to on (`true`) or off (`false`); a rule with
 * `enabled: false` in the data runs only when switched on.
 */
export function selectRules(
  registry: readonly unknown[],
  userRules: readonly unknown[],
  switches: Readonly<Record<string, boolean>>,
): CompiledRule[] {
  const compiled = [
    ...registry.map((rule) => compileRule(rule, true)),
    ...userRules.map((rule) => compileRule(rule)),
  ]
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
