/** Helpers for the `copydesk lint` end-to-end tests: spawn the built CLI in a scratch folder. */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const cli = fileURLToPath(new URL('../dist/pipeline/cli.js', import.meta.url))

/** A lint fixture (stored as `.txt` so the formatter leaves its whitespace alone). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/lint/${name}`, import.meta.url), 'utf8')
}

/** A scratch folder holding `files` (path → content). */
export function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-lint-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), content)
  }
  return root
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Run `copydesk lint ARGS` in `cwd`. */
export function lint(
  args: string[],
  options: {cwd: string; input?: string; env?: Record<string, string>},
): Run {
  const result = spawnSync(process.execPath, [cli, 'lint', ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    env: {...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', ...options.env},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

export interface JsonFinding {
  ruleId: string
  severity: string
  line: number
  column: number
  actual: string
  record?: string
  fix: {start: number; end: number; text: string} | null
  fingerprint: string
}

/** Run with the JSON reporter and return every finding with its file. */
export function lintJson(
  args: string[],
  options: {cwd: string; input?: string},
): {code: number | null; findings: Array<JsonFinding & {path: string}>; stderr: string} {
  const run = lint([...args, '--reporter', 'json'], options)
  const report = JSON.parse(run.stdout) as {files: Array<{path: string; findings: JsonFinding[]}>}
  const findings = report.files.flatMap((file) =>
    file.findings.map((finding) => ({...finding, path: file.path})),
  )
  return {code: run.code, findings, stderr: run.stderr}
}
