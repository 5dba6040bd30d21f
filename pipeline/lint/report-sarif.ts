/**
 * The SARIF 2.1.0 reporter, for code-scanning dashboards. Suppressed
 * findings are included with a `suppressions` entry, as SARIF intends, so a
 * dashboard can show what was accepted and why.
 */
import {pathToFileURL} from 'node:url'
import type {Log, ReportingDescriptor, Result} from 'sarif'
import type {LintFinding} from './engine.js'
import type {FileResult} from './files.js'
import {ruleById} from './rules.js'

const schema = 'https://json.schemastore.org/sarif-2.1.0.json'

function uriOf(path: string): string {
  // Relative to %SRCROOT% (the working folder); stdin gets a stable made-up name.
  return path === '<stdin>' ? 'stdin' : path.split('/').map(encodeURIComponent).join('/')
}

function resultOf(finding: LintFinding, path: string, ruleIndex: number): Result {
  const artifactLocation = {uri: uriOf(path), uriBaseId: '%SRCROOT%'}
  const region = {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: Math.max(finding.endColumn, 1),
  }
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: {text: finding.reason},
    locations: [{physicalLocation: {artifactLocation, region}}],
    partialFingerprints: {'copydeskFingerprint/v1': finding.fingerprint},
  }
  if (finding.fix) {
    result.fixes = [
      {
        description: {
          text: finding.fix.text === '' ? 'Delete the text' : `Replace with “${finding.fix.text}”`,
        },
        artifactChanges: [
          {
            artifactLocation,
            replacements: [
              {
                deletedRegion: {
                  charOffset: finding.fix.start,
                  charLength: finding.fix.end - finding.fix.start,
                },
                insertedContent: {text: finding.fix.text},
              },
            ],
          },
        ],
      },
    ]
  }
  if (finding.suppressed) {
    result.suppressions = [
      finding.suppressed === 'inline'
        ? {kind: 'inSource', justification: 'copydesk-disable comment'}
        : {kind: 'external', justification: 'accepted in the lint baseline'},
    ]
  }
  return result
}

/** Render results as a SARIF 2.1.0 log. */
export function sarifReport(results: readonly FileResult[], version: string): string {
  const rules: ReportingDescriptor[] = []
  const index = new Map<string, number>()
  const ruleIndex = (finding: LintFinding): number => {
    let at = index.get(finding.ruleId)
    if (at === undefined) {
      at = rules.length
      index.set(finding.ruleId, at)
      const registered = ruleById(finding.ruleId)
      rules.push({
        id: finding.ruleId,
        shortDescription: {text: registered?.finds ?? `Reported by ${finding.source}`},
        ...(finding.url ? {helpUri: finding.url} : {}),
        properties: {source: finding.source, fixable: registered?.fixable ?? false},
      })
    }
    return at
  }
  const sarifResults: Result[] = []
  for (const file of results) {
    for (const finding of [...file.findings, ...file.suppressed]) {
      sarifResults.push(resultOf(finding, file.path, ruleIndex(finding)))
    }
  }
  const log: Log = {
    $schema: schema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'copydesk',
            version,
            informationUri: 'https://github.com/copydesk/copydesk#copydesk-lint',
            rules,
          },
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(`${process.cwd()}/`).href}},
        results: sarifResults,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
