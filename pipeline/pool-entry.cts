/**
 * The file piscina loads in each worker. It is CommonJS on purpose: piscina
 * first tries `require()` on its worker file and, on Node 20.19+ (where
 * `require` can load ES modules), a failed `require` of an ES module graph
 * followed by piscina's fallback `import()` trips an internal assertion of
 * Node instead of reporting the real error. A CommonJS file that imports the
 * ES module itself takes one path only.
 */
import type {Result, Task} from './pool-worker.js'

let worker: Promise<(task: Task) => Promise<Result[]>> | undefined

module.exports = async function runTask(task: Task): Promise<Result[]> {
  worker ??= import('./pool-worker.js').then((module) => module.processUnits)
  return (await worker)(task)
}
