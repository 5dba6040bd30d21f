/**
 * Lint configuration: found upwards from each linted file (`.copydeskrc`,
 * `.copydeskrc.json`, `.copydeskrc.yaml`, `.copydeskrc.yml` or a `copydesk`
 * field in package.json), validated with clear errors, resolved per rule.
 */
import {readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {lilconfig} from 'lilconfig'
import {parse as parseYaml} from 'yaml'
import {z} from 'zod'
import {UsageError} from '../batch.js'
import {
  type PresetName,
  presetNames,
  presets,
  type RuleOptions,
  type RuleSetting,
  type Severity,
} from './presets.js'
import {lintRules, ruleById, ruleSources} from './rules.js'

/** A config file that cannot be used: exit code 2. */
export class ConfigError extends UsageError {}

/** A validated config. */
export interface LintConfig {
  readonly preset: PresetName
  readonly rules: Readonly<Record<string, RuleSetting>>
  /** Terms whose findings are accepted (whole-term match). */
  readonly accept: readonly string[]
  /** The file it came from, if any. */
  readonly path?: string | undefined
}

/** The setting that applies to one rule. */
export interface ResolvedRule {
  readonly severity: Severity
  readonly options: RuleOptions
}

export const defaultConfig: LintConfig = {preset: 'recommended', rules: {}, accept: []}

const severitySchema = z.enum(['off', 'warn', 'error'], {
  error: 'expected "off", "warn" or "error"',
})
const optionsSchema = z.strictObject({
  ignoreQuoted: z.boolean({error: 'expected true or false'}).optional(),
  minConfidence: z
    .number({error: 'expected a number from 0 to 1'})
    .min(0, {error: 'expected a number from 0 to 1'})
    .max(1, {error: 'expected a number from 0 to 1'})
    .optional(),
})
const settingSchema = z.union([
  severitySchema,
  z.tuple([severitySchema]),
  z.tuple([severitySchema, optionsSchema]),
])
const configSchema = z.strictObject({
  $schema: z.string().optional(),
  preset: z.enum(presetNames, {error: `expected one of ${presetNames.join(', ')}`}).optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  accept: z.array(z.string().min(1), {error: 'expected a list of terms'}).optional(),
})

function describeIssues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    return `${path || 'config'}: ${issue.message}`
  })
}

/** Levenshtein distance, for "did you mean" hints on short rule ids. */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

function unknownRule(id: string): string {
  const names = [...lintRules.map((rule) => rule.id), ...ruleSources]
  const near = names
    .map((name) => ({name, score: distance(id, name)}))
    .sort((a, b) => a.score - b.score)[0]
  const hint = near && near.score <= 3 ? ` (did you mean \`${near.name}\`?)` : ''
  return `rules.${id}: unknown rule id \`${id}\`${hint}; see \`copydesk lint --list-rules\``
}

/** Validate a parsed config object; throws a ConfigError listing every problem. */
export function validateConfig(value: unknown, path?: string): LintConfig {
  const where = path ?? 'config'
  const parsed = configSchema.safeParse(value ?? {})
  const problems: string[] = []
  const rules: Record<string, RuleSetting> = {}
  if (!parsed.success) problems.push(...describeIssues(parsed.error, ''))
  // Check rules even when other keys are wrong, so every problem is listed at once.
  const rawRules = (value as {rules?: unknown} | null | undefined)?.rules
  const ruleEntries =
    rawRules !== null && typeof rawRules === 'object' && !Array.isArray(rawRules)
      ? Object.entries(rawRules)
      : []
  for (const [id, setting] of ruleEntries) {
    if (!ruleById(id) && !ruleSources.has(id)) {
      problems.push(unknownRule(id))
      continue
    }
    const checked = settingSchema.safeParse(setting)
    if (checked.success) rules[id] = checked.data
    else problems.push(...describeSetting(id, setting))
  }
  if (problems.length > 0) {
    throw new ConfigError(`invalid config ${where}:\n  ${problems.join('\n  ')}`)
  }
  return {
    preset: parsed.data?.preset ?? 'recommended',
    rules,
    accept: parsed.data?.accept ?? [],
    path,
  }
}

function describeSetting(id: string, setting: unknown): string[] {
  // A union hides which branch was meant: re-check the part the user wrote.
  if (Array.isArray(setting)) {
    const problems: string[] = []
    const severity = severitySchema.safeParse(setting[0])
    if (!severity.success) problems.push(`rules.${id}[0]: expected "off", "warn" or "error"`)
    if (setting.length > 2) problems.push(`rules.${id}: expected [severity] or [severity, options]`)
    if (setting.length === 2) {
      const options = optionsSchema.safeParse(setting[1])
      if (!options.success) problems.push(...describeIssues(options.error, `rules.${id}[1]`))
    }
    if (problems.length > 0) return problems
  }
  return [`rules.${id}: expected "off", "warn", "error" or ["warn", {options}]`]
}

function loadYaml(path: string, content: string): unknown {
  try {
    return parseYaml(content)
  } catch (error) {
    throw new ConfigError(`cannot parse config ${path}: ${(error as Error).message}`)
  }
}

function loadJson(path: string, content: string): unknown {
  try {
    return JSON.parse(content)
  } catch (error) {
    throw new ConfigError(`cannot parse config ${path}: ${(error as Error).message}`)
  }
}

const searcher = lilconfig('copydesk', {
  searchPlaces: [
    'package.json',
    '.copydeskrc',
    '.copydeskrc.json',
    '.copydeskrc.yaml',
    '.copydeskrc.yml',
  ],
  // `.copydeskrc` without extension is YAML, which also reads JSON.
  loaders: {'.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml},
})

/** Finds and caches configs for files; `explicit` (a `--config` path) wins everywhere. */
export class ConfigFinder {
  private readonly cache = new Map<string, Promise<LintConfig>>()
  private explicit: LintConfig | undefined

  constructor(explicitPath?: string) {
    if (explicitPath !== undefined) {
      const path = resolve(explicitPath)
      let content: string
      try {
        content = readFileSync(path, 'utf8')
      } catch {
        throw new ConfigError(`cannot read config ${explicitPath}`)
      }
      const value = path.endsWith('.json') ? loadJson(path, content) : loadYaml(path, content)
      this.explicit = validateConfig(value, explicitPath)
    }
  }

  /** The config for a file (or, with no path, for the working folder). */
  async forFile(path: string | undefined): Promise<LintConfig> {
    if (this.explicit) return this.explicit
    const folder = path === undefined ? process.cwd() : dirname(resolve(path))
    let found = this.cache.get(folder)
    if (!found) {
      found = searcher.search(folder).then((result) => {
        if (!result || result.isEmpty) return defaultConfig
        return validateConfig(result.config, result.filepath)
      })
      this.cache.set(folder, found)
    }
    return found
  }
}

/** The severity and options of a rule under a config (user rule, user plugin, preset). */
export function resolveRule(config: LintConfig, ruleId: string, source: string): ResolvedRule {
  const preset = presets[config.preset]
  const registered = ruleById(ruleId)
  const setting =
    config.rules[ruleId] ??
    config.rules[source] ??
    preset.rules[ruleId] ??
    (registered ? preset.kinds[registered.kind] : undefined) ??
    // A rule nobody registered yet still shows, as advice.
    'warn'
  if (typeof setting === 'string') return {severity: setting, options: {}}
  return {severity: setting[0], options: setting[1] ?? {}}
}

/** Forget every config found so far (the language server re-reads them). */
export function clearConfigCaches(): void {
  searcher.clearCaches()
}
