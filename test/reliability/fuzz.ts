/**
 * Settings shared by the reliability properties. `npm run fuzz` runs the same
 * properties with `COPYDESK_FUZZ=1`: many more cases each, and a tally of the
 * cases run written to `COPYDESK_FUZZ_TALLY` for the script to sum up.
 */
import {appendFileSync} from 'node:fs'
import fc from 'fast-check'

/** Whether this is the long `npm run fuzz` run. */
export const fuzzing = process.env.COPYDESK_FUZZ === '1'

// `npm test` gives the same cases on every run, so CI is repeatable; `npm run fuzz`
// draws new ones each time (fast-check prints the seed of any failure to replay it).
if (!fuzzing) fc.configureGlobal({seed: 20_261_128})

/** How many times more cases `npm run fuzz` runs (its argument, default 100). */
const factor = Number(process.env.COPYDESK_FUZZ_FACTOR ?? '100') || 100

/** Cases for a property: `quick` in `npm test`, `quick × factor` under `npm run fuzz`. */
export function runs(quick: number): number {
  return fuzzing ? quick * factor : quick
}

/** Count `cases` inputs tried by the property `name` (written only under `npm run fuzz`). */
export function tally(name: string, cases: number): void {
  const path = process.env.COPYDESK_FUZZ_TALLY
  if (path) appendFileSync(path, `${JSON.stringify({name, cases})}\n`)
}
