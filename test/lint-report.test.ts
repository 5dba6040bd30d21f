/**
 * End-to-end tests of the lint reporters: SARIF 2.1.0 (validated against the
 * official schema), GitHub annotations with a cap and a job summary, JSON.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixture, lint, workspace} from './lint-support.js'

const require = createRequire(import.meta.url)
// CommonJS packages: required, so their default exports need no interop.
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default
// The SARIF 2.1.0 schema as published by its authors, shipped in @microsoft/jest-sarif.
const sarifSchema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object

const draft = fixture('draft.txt')
const guide = [
  'The plan was a disaster.',
  '',
  '<!-- copydesk-disable loaded-word -->',
  'The second plan was a disaster too.',
  '',
].join('\n')

describe('copydesk lint --reporter sarif', () => {
  const cwd = workspace({'story.txt': draft, 'notes/guide.md': guide})
  const run = lint(['story.txt', 'notes', '--reporter', 'sarif'], {cwd})
  const log = JSON.parse(run.stdout) as {
    version: string
    runs: Array<{
      tool: {driver: {name: string; rules: Array<{id: string}>}}
      results: Array<{
        ruleId: string
        ruleIndex: number
        level: string
        locations: Array<{
          physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}
        }>
        fixes?: unknown[]
        suppressions?: Array<{kind: string}>
      }>
    }>
  }

  it('is valid SARIF 2.1.0', () => {
    // The schema's language pattern is not valid with the `u` flag, hence unicodeRegExp: false.
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
    addFormats(ajv)
    const validate = ajv.compile(sarifSchema)
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(log.version).toBe('2.1.0')
  })

  it('carries rules, levels, locations, fixes and inline suppressions', () => {
    const [sarifRun] = log.runs
    expect(sarifRun?.tool.driver.name).toBe('copydesk')
    const results = sarifRun?.results ?? []
    const blurb = results.find((result) => result.ruleId === 'hill-related-blurb')
    expect(blurb?.level).toBe('error')
    expect(blurb?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('story.txt')
    expect(blurb?.fixes).toHaveLength(1)
    expect(sarifRun?.tool.driver.rules[blurb?.ruleIndex ?? -1]?.id).toBe('hill-related-blurb')
    const loaded = results.filter((result) => result.ruleId === 'loaded-word')
    expect(
      loaded.map((r) => [r.locations[0]?.physicalLocation.region.startLine, r.suppressions]),
    ).toEqual([
      [1, undefined],
      [4, [{kind: 'inSource', justification: 'copydesk-disable comment'}]],
    ])
    expect(run.code).toBe(1)
  })
})

describe('copydesk lint --reporter github', () => {
  // Six files with one loaded word each: six warnings for a cap of two.
  const files = Object.fromEntries(
    ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => [
      `${name}.txt`,
      `The ${name} plan was a disaster.\n`,
    ]),
  )
  const cwd = workspace(files)
  const summaryPath = join(cwd, 'summary.md')
  const run = lint(['.', '--reporter', 'github', '--max-annotations', '2'], {
    cwd,
    env: {GITHUB_STEP_SUMMARY: summaryPath},
  })

  it('writes at most the cap of annotations per level, in workflow-command syntax', () => {
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning '))
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(
      /^::warning file=a\.txt,line=1,col=\d+,endLine=1,endColumn=\d+,title=copydesk loaded-word::Unexpected loaded word/,
    )
  })

  it('never hides findings silently: a notice and the job summary say how many were cut', () => {
    expect(run.stdout).toContain('::notice title=copydesk lint::4 more finding(s) not shown')
    const summary = readFileSync(summaryPath, 'utf8')
    expect(summary).toContain('**4 finding(s) were not shown as annotations**')
    // Every finding is listed in the summary, cut or not.
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) expect(summary).toContain(`| ${name}.txt:1:`)
    expect(run.code).toBe(0)
  })
})
