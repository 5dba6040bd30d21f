/**
 * The review loop: a removal a QA reviewer marked wrong in the report
 * ("Export decisions") is accepted by `copydesk lint --baseline`.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {fingerprintRemoval} from '../pipeline/report/fingerprint.js'
import {type SuppressionsFile, suppressionsFileSchema} from '../pipeline/report/suppressions.js'
import {cli, lintJson, workspace} from './lint-support.js'

it('reads a report decisions file as accepted findings', () => {
  const card = 'Rep. Ed MoeEd Bo MoeMoe visits port MORE (R-Ky.) spoke first.'
  const other = 'Sen. Ana KimAna Lee KimKim opens bridge MORE said it was late.'
  const cwd = workspace({
    'stories.jsonl': `${JSON.stringify({id: 'port', text: card})}\n${JSON.stringify({id: 'bridge', text: other})}\n`,
  })
  // The run the reviewer looked at.
  const run = spawnSync(
    process.execPath,
    [cli, 'clean', 'stories.jsonl', '--out', 'out', '--quiet'],
    {cwd, encoding: 'utf8'},
  )
  expect(run.status).toBe(0)
  const records = readFileSync(join(cwd, 'out', 'stories.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as {
          id: string
          removed: Array<{ruleId: string; source: string; text: string; start: number; end: number}>
        },
    )
  const port = records.find((record) => record.id === 'port')
  const removal = port?.removed[0]
  if (!port || !removal) throw new Error('expected a removal in the port story')
  // What the report's "Export decisions" writes for one removal marked wrong.
  const decisions: SuppressionsFile = suppressionsFileSchema.parse({
    version: 1,
    tool: 'copydesk-report',
    created: new Date(0).toISOString(),
    report: 'stories',
    suppressions: [
      {
        fingerprint: fingerprintRemoval(port.id, {
          source: removal.source,
          ruleId: removal.ruleId,
          before: removal.text,
        }),
        id: port.id,
        ruleId: removal.ruleId,
        source: removal.source,
        actual: removal.text,
        start: removal.start,
        end: removal.end,
        decision: 'wrong',
      },
    ],
  })
  writeFileSync(join(cwd, 'decisions.json'), JSON.stringify(decisions))

  const before = lintJson(['stories.jsonl'], {cwd})
  expect(
    before.findings.map((finding) => finding.ruleId).filter((id) => id === 'hill-related-blurb'),
  ).toHaveLength(2)
  const after = lintJson(['stories.jsonl', '--baseline', 'decisions.json'], {cwd})
  const cards = after.findings.filter((finding) => finding.ruleId === 'hill-related-blurb')
  // The reviewed one is accepted; the other story's card is still reported.
  expect(cards.map((finding) => finding.actual)).toEqual(['Ana Lee KimKim opens bridge MORE'])
})
