/**
 * The file piscina loads in each worker. It is CommonJS on purpose: piscina
 * first tries `require()` on its worker file and, on Node 20.19+ (where
 * `require` can load ES modules), a failed `require` of an ES module graph
 * followed by piscina's fallback `import()` trips an internal assertion of
 * Node instead of reporting the real error. A CommonJS file that imports the
 * ES module itself takes one path only.
 */
import piscina = require('piscina')

import type {Finished, Task} from './pool-worker.js'

import fs = require('node:fs')
import path = require('node:path')
import url = require('node:url')

/**
 * The worker's module: the bundle `npm run build` writes beside this file
 * (scripts/bundle-cli.ts: a handful of files to load instead of about 300
 * modules), unless `tsc` has written its modules since, which a bundle made
 * before would not hold.
 */
function workerModule(): string {
  const bundle = path.join(__dirname, 'cli.worker.js')
  const compiled = path.join(__dirname, 'pool-worker.js')
  const current =
    fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= fs.statSync(compiled).mtimeMs
  return url.pathToFileURL(current ? bundle : compiled).href
}

let worker: Promise<(task: Task) => Promise<Finished>> | undefined

module.exports = async function runTask(task: Task): Promise<unknown> {
  worker ??= (import(workerModule()) as Promise<typeof import('./pool-worker.js')>).then(
    (module) => module.processUnits,
  )
  const finished = await (await worker)(task)
  // The batch's lines are moved to the main thread, not copied: a batch holds megabytes of records.
  return piscina.move({
    [piscina.transferableSymbol]: [finished.bytes.buffer],
    [piscina.valueSymbol]: finished,
  } as unknown as ArrayBuffer)
}
