/**
 * `copydesk lint`: report what the cleaners would remove or normalise and
 * what the analysers find, per file, with config, presets, suppressions,
 * baselines, reporters and safe fixes. Exit codes: 0 clean, 1 findings at the
 * fail level, 2 config or input errors.
 */
import {appendFile, readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {UsageError} from '../batch.js'
import {replaceFileAtomic} from '../io/atomic.js'
import {decode} from '../io/decode.js'
import {applyBaseline, readBaseline, writeBaseline} from '../lint/baseline.js'
import {ConfigFinder, type LintConfig, resolveRule} from '../lint/config.js'
import {isCrlfText} from '../lint/engine.js'
import {
  displayPath,
  expandLintPaths,
  type FileResult,
  fileFormat,
  lintContent,
  lintDecoded,
  loadIgnore,
} from '../lint/files.js'
import {applyFixes} from '../lint/fix.js'
import {defaultAnnotationCap, githubReport} from '../lint/report-github.js'
import {jsonReport, totalsOf} from '../lint/report-json.js'
import {prettyReport} from '../lint/report-pretty.js'
import {sarifReport} from '../lint/report-sarif.js'
import {lintRules, rulesTable} from '../lint/rules.js'
import {readStdin, write} from './output.js'

export const usage = `  lint [PATH...]      report what clean would remove or change and what the analysers find,
                      in .txt, .md, .html and .jsonl files (or stdin).

Options for lint:
  --reporter NAME     pretty (default), json, sarif or github
  --config FILE       use this config instead of searching for .copydeskrc* / package.json
  --fix               apply safe fixes (artifact removal, whitespace) in place
  --frail             fail (exit 1) on warnings too
  --max-warnings N    fail when there are more than N warnings
  --quiet             report errors only
  --baseline FILE     do not report findings accepted in FILE
  --update-baseline   write every current finding to --baseline FILE, and pass
  --ignore-path FILE  ignore file (default: .copydeskignore)
  --max-annotations N github reporter: annotations per level (default: ${defaultAnnotationCap})
  --stdin-filename N  name (and so format) of stdin, e.g. draft.md
  --list-rules        list every rule with its severity under the config
  --rules-table       print the README's rule table (Markdown), generated from the registry
`

/** Passes of `--fix`: a fix can reveal another (a removal leaves a double space). */
const fixPasses = 5

const byteOrderMark = '\uFEFF'

async function fixFile(
  path: string,
  display: string,
  config: LintConfig,
): Promise<{result: FileResult; fixed: Record<string, number>}> {
  const bytes = await readFile(path)
  const decoded = decode(bytes)
  const readable = !decoded.binary && decoded.warnings.length === 0
  // A file whose every line ends in CRLF is fixed as LF text and written back
  // with CRLF: the CRs are its style, not trailing white space.
  const crlf = readable && isCrlfText(decoded.text)
  let text = crlf ? decoded.text.replaceAll('\r\n', '\n') : decoded.text
  let result = crlf
    ? lintDecoded(text, path, display, config)
    : lintContent(bytes, path, display, config)
  const fixed: Record<string, number> = {}
  // Never rewrite what could not be read faithfully.
  if (!readable || result.format === 'jsonl') {
    if (decoded.warnings.length > 0 && result.findings.some((finding) => finding.fix !== null)) {
      result.warnings.push(
        `${display}: not fixed: --fix rewrites only files it reads as UTF-8 as they are`,
      )
    }
    return {result, fixed}
  }
  for (let pass = 0; pass < fixPasses; pass++) {
    const outcome = applyFixes(text, result.findings)
    if (outcome.count === 0) break
    text = outcome.text
    for (const [rule, count] of Object.entries(outcome.applied))
      fixed[rule] = (fixed[rule] ?? 0) + count
    result = lintDecoded(text, path, display, config)
  }
  if (Object.keys(fixed).length > 0) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? byteOrderMark : ''
    await replaceFileAtomic(path, bom + (crlf ? text.replaceAll('\n', '\r\n') : text))
    result.fixed = fixed
  }
  return {result, fixed}
}

function listRules(config: LintConfig): string {
  const lines = lintRules.map((rule) => {
    const {severity} = resolveRule(config, rule.id, rule.source)
    return `${rule.id.padEnd(30)} ${severity.padEnd(6)} ${rule.fixable ? 'fixable' : '       '} ${rule.source}`
  })
  return `${lines.join('\n')}\n`
}

/** Run `copydesk lint` with its arguments; resolves to the exit code. */
export async function lintCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      reporter: {type: 'string', default: 'pretty'},
      config: {type: 'string'},
      fix: {type: 'boolean', default: false},
      frail: {type: 'boolean', default: false},
      'max-warnings': {type: 'string'},
      quiet: {type: 'boolean', default: false},
      baseline: {type: 'string'},
      'update-baseline': {type: 'boolean', default: false},
      'ignore-path': {type: 'string'},
      'max-annotations': {type: 'string'},
      'stdin-filename': {type: 'string'},
      'list-rules': {type: 'boolean', default: false},
      'rules-table': {type: 'boolean', default: false},
    },
  })
  const reporter = values.reporter
  if (!['pretty', 'json', 'sarif', 'github'].includes(reporter)) {
    throw new UsageError(`unknown reporter \`${reporter}\` (pretty, json, sarif or github)`)
  }
  const count = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined
    if (!/^\d+$/.test(value))
      throw new UsageError(`--${name} needs a whole number, not \`${value}\``)
    return Number(value)
  }
  const maxWarnings = count('max-warnings', values['max-warnings'])
  const cap = count('max-annotations', values['max-annotations']) ?? defaultAnnotationCap
  if (values['update-baseline'] && values.baseline === undefined) {
    throw new UsageError('--update-baseline needs --baseline FILE')
  }
  if (values['rules-table']) {
    await write(`${rulesTable()}\n`)
    return 0
  }
  const finder = new ConfigFinder(values.config)
  if (values['list-rules']) {
    await write(listRules(await finder.forFile(undefined)))
    return 0
  }

  const results: FileResult[] = []
  const paths = positionals.filter((path) => path !== '-')
  if (paths.length === 0) {
    if (values.fix) throw new UsageError('--fix needs file paths: stdin cannot be fixed in place')
    const name = values['stdin-filename'] ?? '<stdin>'
    const config = await finder.forFile(values['stdin-filename'] && resolve(name))
    results.push(lintContent(await readStdin(), name, name, config))
  } else {
    const files = await expandLintPaths(paths, await loadIgnore(values['ignore-path']))
    for (const path of files) {
      const display = displayPath(path)
      const config = await finder.forFile(path)
      if (values.fix && fileFormat(path) !== 'jsonl') {
        const {result, fixed} = await fixFile(path, display, config)
        const total = Object.values(fixed).reduce((sum, n) => sum + n, 0)
        if (total > 0) {
          const rules = Object.entries(fixed).map(([rule, n]) => `${rule} ${n}`)
          process.stderr.write(
            `copydesk: fixed ${total} finding(s) in ${display} (${rules.join(', ')})\n`,
          )
        }
        results.push({...result, absolutePath: path})
      } else {
        results.push({
          ...lintContent(await readFile(path), path, display, config),
          absolutePath: path,
        })
      }
    }
  }

  if (values.baseline !== undefined) {
    if (values['update-baseline']) {
      const written = await writeBaseline(values.baseline, results)
      process.stderr.write(`copydesk: wrote ${written} finding(s) to baseline ${values.baseline}\n`)
      applyBaseline(results, new Set(results.flatMap((r) => r.findings.map((f) => f.fingerprint))))
    } else {
      applyBaseline(results, await readBaseline(values.baseline))
    }
  }
  const shown = values.quiet
    ? results.map((result) => ({
        ...result,
        findings: result.findings.filter((finding) => finding.severity === 'error'),
      }))
    : results
  const version = (
    JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
  ).version
  if (reporter === 'json') await write(jsonReport(shown))
  else if (reporter === 'sarif') await write(sarifReport(shown, version))
  else if (reporter === 'github') {
    const report = githubReport(shown, cap)
    await write(report.annotations)
    const summaryFile = process.env.GITHUB_STEP_SUMMARY
    if (summaryFile) await appendFile(summaryFile, report.summary)
  } else {
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR
    process.stderr.write(prettyReport(shown, {color, quiet: values.quiet}))
  }

  for (const result of results) {
    for (const line of [...result.warnings, ...result.errors])
      process.stderr.write(`copydesk: ${line}\n`)
  }
  if (results.some((result) => result.errors.length > 0)) return 2
  const totals = totalsOf(results)
  if (totals.errors > 0) return 1
  if (values.frail && totals.warnings > 0) return 1
  if (maxWarnings !== undefined && totals.warnings > maxWarnings) {
    process.stderr.write(
      `copydesk: ${totals.warnings} warning(s), more than --max-warnings ${maxWarnings}\n`,
    )
    return 1
  }
  return 0
}
