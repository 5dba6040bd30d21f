/**
 * `npm run fuzz [factor]`: the reliability suite (`test/reliability/`,
 * `test/redos.test.ts`) with many more cases: every property runs `factor`
 * times its `npm test` count (default 100), recheck checks every pattern afresh
 * and rewrites `test/reliability/redos-verdicts.json`, and every pattern gets
 * its 1 MB worst case. Prints the cases run per property and in all.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
const factor = process.argv[2] ?? '100'
if (!/^[1-9]\d{0,3}$/.test(factor)) {
  console.error(`copydesk fuzz: the factor must be a whole number from 1 to 9999, not ${factor}`)
  process.exit(2)
}

const folder = mkdtempSync(join(tmpdir(), 'copydesk-fuzz-'))
const tallyPath = join(folder, 'tally.jsonl')
const started = Date.now()
const result = spawnSync(
  process.execPath,
  [vitest, 'run', 'test/reliability/', 'test/redos.test.ts', '--testTimeout', '3600000'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      COPYDESK_FUZZ: '1',
      COPYDESK_FUZZ_FACTOR: factor,
      COPYDESK_FUZZ_TALLY: tallyPath,
    },
  },
)

const cases = new Map<string, number>()
if (existsSync(tallyPath)) {
  for (const line of readFileSync(tallyPath, 'utf8').split('\n')) {
    if (line === '') continue
    const {name, cases: count} = JSON.parse(line) as {name: string; cases: number}
    cases.set(name, (cases.get(name) ?? 0) + count)
  }
}
rmSync(folder, {recursive: true, force: true})

console.log('\n| property | cases |\n| --- | ---: |')
for (const [name, count] of [...cases].sort()) console.log(`| ${name} | ${count} |`)
const total = [...cases.values()].reduce((sum, count) => sum + count, 0)
const failed = result.status !== 0
console.log(
  `\n${total} generated cases in ${cases.size} properties, ${Math.round((Date.now() - started) / 1000)} s; ` +
    `${failed ? 'FAILURES: see above' : 'crashes: 0'}`,
)
process.exit(result.status ?? 1)
