/** Helpers of the normaliser tests: run one plugin (or a chain) on a text. */
import type {Root} from 'nlcst'
import {retext} from 'retext'
import type {Pluggable} from 'unified'
import {VFile} from 'vfile'
import '../plugins/util/data-map.js'

export interface Run {
  text: string
  file: VFile
}

/** Run `plugins` (each a plugin or `[plugin, options]`) on `text`. */
export function runPlugins(plugins: Pluggable[], text: string, dryRun = false): Run {
  let processor = retext()
  for (const plugin of plugins) {
    const [attacher, options] = Array.isArray(plugin) ? plugin : [plugin, undefined]
    processor = processor.use(attacher as never, options as never) as typeof processor
  }
  const file = new VFile(text)
  file.data.dryRun = dryRun
  const tree = processor.runSync(processor.parse(file) as Root, file)
  return {text: String(processor.stringify(tree as never, file)), file}
}

/** Milliseconds `work` takes. */
export function timed(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}
