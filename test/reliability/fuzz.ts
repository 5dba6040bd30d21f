/**
 * Settings shared by the reliability properties. `npm run fuzz` runs the same
 * properties with `COPYDESK_FUZZ=1`: many more cases each, and a tally of the
 * cases run written to `COPYDESK_FUZZ_TALLY` for the script to sum up.
 */
import {appendFileSync} from 'node:fs'

/** Whether this is the long `npm run fuzz` run. */
export const fuzzing = process.env.COPYDESK_FUZZ === '1'

/** How many times more cases `npm run fuzz` runs (its argument, default 20). */
const factor = Number(process.env.COPYDESK_FUZZ_FACTOR ?? '20') || 20

/** Cases for a property: `quick` in `npm test`, `quick × factor` under `npm run fuzz`. */
export function runs(quick: number): number {
  return fuzzing ? quick * factor : quick
}

/** Count `cases` inputs tried by the property `name` (written only under `npm run fuzz`). */
export function tally(name: string, cases: number): void {
  const path = process.env.COPYDESK_FUZZ_TALLY
  if (path) appendFileSync(path, `${JSON.stringify({name, cases})}\n`)
}
