/**
 * `npm run eval [area...]`: accuracy figures on the dev data in `../shared`.
 * Each area lives in `scripts/eval-<area>.ts` and exports `run(shared: string): Promise<void>`.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const areas = ['artifacts', 'readability', 'neutrality', 'extraction']
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url))

if (!existsSync(shared)) {
  console.error(`copydesk eval: no dev data at ${shared}`)
  process.exit(2)
}

const wanted = process.argv.slice(2)
for (const area of wanted.length > 0 ? wanted : areas) {
  const url = new URL(`./eval-${area}.js`, import.meta.url)
  if (!existsSync(fileURLToPath(url))) {
    console.log(`\n## ${area}: no evaluation yet`)
    continue
  }
  console.log(`\n## ${area}`)
  const module = (await import(url.href)) as {run: (shared: string) => Promise<void>}
  await module.run(shared)
}
