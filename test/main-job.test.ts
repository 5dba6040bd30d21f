/**
 * The main job, as `npm start` runs it: every article in input/ into output/.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {expect, it} from 'vitest'

it('cleans the seed in input/ into output/ byte for byte and reports its four blurbs', () => {
  const main = fileURLToPath(new URL('../dist/pipeline/main.js', import.meta.url))
  const result = spawnSync(process.execPath, [main], {encoding: 'utf8', timeout: 60_000})
  expect(result.status).toBe(0)
  const output = new URL('../output/', import.meta.url)
  expect(readFileSync(new URL('seed-the-hill-russia.txt', output), 'utf8')).toBe(
    readFileSync(new URL('./fixtures/seed/expected-clean.txt', import.meta.url), 'utf8'),
  )
  const records = readFileSync(new URL('copydesk-records.jsonl', output), 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) => JSON.parse(line) as {id: string; removed: Array<{ruleId: string; start: number}>},
    )
  const seed = records.find((record) => record.id === 'seed-the-hill-russia.txt')
  expect(
    seed?.removed
      .filter((removal) => removal.ruleId === 'hill-related-blurb')
      .map((removal) => removal.start),
  ).toEqual([103, 1302, 2343, 2675])
  // The summary table names every article and the totals line.
  expect(result.stdout).toMatch(/^article\s+words\s+grade/)
  expect(result.stdout).toMatch(
    /seed-the-hill-russia\.txt\s+\d+\s+[\d.]+\s+[\d.]+\s+4\s+hill-related-blurb×4/,
  )
  expect(result.stdout).toMatch(/\d+ article\(s\), \d+ cleaned, 0 error\(s\)/)
  // And the QA report of the run: one offline page that names every article.
  const report = readFileSync(new URL('report.html', output), 'utf8')
  expect(report).toMatch(/^<!doctype html>/i)
  expect(report).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/)
  for (const record of records) expect(report).toContain(JSON.stringify(record.id).slice(1, -1))
})
