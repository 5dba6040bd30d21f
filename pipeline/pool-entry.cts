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

let worker: Promise<(task: Task) => Promise<Finished>> | undefined

/**
 * The worker's module, as the pool names it (`workerModule` in pool.ts: the
 * command's bundle, or tsc's modules), else tsc's beside this file.
 */
function workerModule(): string {
  const named = (piscina.workerData as {module?: unknown} | undefined)?.module
  return typeof named === 'string' ? named : './pool-worker.js'
}

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
