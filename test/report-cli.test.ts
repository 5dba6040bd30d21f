import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it, vi} from 'vitest'
import {UsageError} from '../pipeline/batch.js'
import {cleanCommand} from '../pipeline/commands/clean.js'
import {reportCommand} from '../pipeline/commands/report.js'
import {fingerprintRemoval} from '../pipeline/report/fingerprint.js'
import {binsFor, countBins} from '../pipeline/report/histogram.js'
import {parseSuppressions} from '../pipeline/report/suppressions.js'
import {batchFolder, runFixtureBatch} from './fixtures/report/run.js'

interface RunRecord {
  id: string
  text: string
  removed: Array<{ruleId: string; source: string; start: number; end: number; text: string}>
}

let run: {out: string; records: unknown[]}

beforeAll(async () => {
  run = await runFixtureBatch()
})

describe('histograms and fingerprints', () => {
  it('bins grades by whole grades and 0–100 scores by tens', () => {
    expect(binsFor([7.2, 9.9, 13.1], 'grade')).toEqual({from: 7, width: 1, count: 7})
    expect(binsFor([55.6, 73.2], 'score')).toEqual({from: 0, width: 10, count: 10})
    expect(binsFor([0.2, 0.95], 'score')).toEqual({from: 0, width: 0.1, count: 10})
    expect(countBins([0, 9.9, 10, 99, 100], {from: 0, width: 10, count: 10})).toEqual([
      2, 1, 0, 0, 0, 0, 0, 0, 0, 2,
    ])
  })

  it('gives a removal the same fingerprint wherever it stands, and another for another article', () => {
    const removal = {
      source: 'remove-hill-blurbs',
      ruleId: 'hill-related-blurb',
      before: 'Ana Sofia Kim MORE',
    }
    expect(fingerprintRemoval('a', removal)).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprintRemoval('a', {...removal})).toBe(fingerprintRemoval('a', removal))
    expect(fingerprintRemoval('b', removal)).not.toBe(fingerprintRemoval('a', removal))
  })
})

describe('copydesk report', () => {
  it('writes a report of a run folder, and reads decisions back', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'copydesk-report-cli-'))
    const first = (run.records as RunRecord[]).find((record) => record.removed?.length > 0)
    const removal = first?.removed[0]
    if (!first || !removal) throw new Error('the fixture run has no removal')
    const decisions = {
      version: 1,
      tool: 'copydesk-report',
      suppressions: [
        {
          fingerprint: fingerprintRemoval(first.id, {...removal, before: removal.text}),
          id: first.id,
          ruleId: removal.ruleId,
          source: removal.source,
          actual: removal.text,
          decision: 'wrong',
        },
      ],
    }
    await writeFile(join(folder, 'decisions.json'), JSON.stringify(decisions))
    const out = join(folder, 'report.html')
    const args = [run.out, '-o', out, '--suppressions', join(folder, 'decisions.json')]
    expect(await reportCommand(args)).toBe(0)
    const html = await readFile(out, 'utf8')
    expect(html).toContain(decisions.suppressions[0]?.fingerprint)
    expect(html).toContain('<b>5</b>articles')
  })

  it('is written by copydesk clean --report, with --out and without', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'copydesk-clean-report-'))
    const withOut = ['--out', join(folder, 'out'), '--report', join(folder, 'a.html')]
    // The fixture batch holds a JSONL line without text: an error record, so exit code 1.
    expect(await cleanCommand([batchFolder, ...withOut, '--jobs', '1', '--quiet'])).toBe(1)
    expect(await readFile(join(folder, 'a.html'), 'utf8')).toContain('<b>5</b>articles')
    const written: string[] = []
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    try {
      const bare = [batchFolder, '--report', join(folder, 'b.html'), '--jobs', '1', '--quiet']
      expect(await cleanCommand(bare)).toBe(1)
    } finally {
      stdout.mockRestore()
    }
    expect(written.join('').trim().split('\n')).toHaveLength(5) // records still on stdout
    expect(await readFile(join(folder, 'b.html'), 'utf8')).toContain('<b>5</b>articles')
    await expect(cleanCommand(['--report', join(folder, 'c.html')])).rejects.toThrow(UsageError)
  })

  it('writes the page to stdout without -o, named by --name', async () => {
    const written: string[] = []
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    try {
      expect(
        await reportCommand([join(run.out, 'copydesk-records.jsonl'), '--name', 'Monday <wire>']),
      ).toBe(0)
    } finally {
      stdout.mockRestore()
    }
    const html = written.join('')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<title>copydesk QA report: Monday &lt;wire&gt;</title>')
  })

  it('refuses a missing run, a second run and a bad decisions file', async () => {
    await expect(reportCommand([])).rejects.toThrow(UsageError)
    await expect(reportCommand(['a', 'b'])).rejects.toThrow(UsageError)
    await expect(reportCommand([join(tmpdir(), 'no-such-run-folder')])).rejects.toThrow(UsageError)
    const bad = join(await mkdtemp(join(tmpdir(), 'copydesk-report-bad-')), 'bad.json')
    await writeFile(
      bad,
      '{"version": 1, "tool": "copydesk-report", "suppressions": [{"fingerprint": "x"}]}',
    )
    await expect(reportCommand([run.out, '--suppressions', bad])).rejects.toThrow(/fingerprint/)
  })

  it('checks a decisions file', () => {
    expect(() => parseSuppressions('not json')).toThrow(/not JSON/)
    expect(
      parseSuppressions('{"version": 1, "tool": "copydesk-report", "suppressions": []}'),
    ).toEqual({
      version: 1,
      tool: 'copydesk-report',
      suppressions: [],
    })
  })
})
