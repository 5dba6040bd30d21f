/**
 * Build step (run by `npm run build`, after `tsc`): bundles the compiled
 * `copydesk` command (dist/pipeline/cli.js) with the modules it imports into a
 * few files, written over cli.js and beside it as `cli.chunk-*.js`.
 *
 * Why: Node 20 has no compile cache, and a one-article `copydesk clean`
 * loaded about 300 modules one at a time (resolve, stat, read, compile and
 * link each), which was most of its cold start. The bundle is the same code
 * tsc wrote, so `tsc` alone still leaves a working (slower) cli.js. Commands
 * and paths loaded with `import()` stay separate chunks, loaded when used.
 *
 * Prints the files written.
 */
import {readdirSync, rmSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, type Plugin} from 'rolldown'

const dist = fileURLToPath(new URL('../', import.meta.url))
const bundleDir = join(dist, 'pipeline')
const chunkPrefix = 'cli.chunk-'

/**
 * Packages left as imports: piscina starts its workers from its own files, and
 * the queue and language-server packages are large and never on the path of
 * `clean`.
 */
const external = [/^node:/, 'piscina', 'bullmq', 'ioredis', /^vscode-languageserver/]

/**
 * Our modules find files next to themselves (`new URL('../data/…',
 * import.meta.url)`, the worker entry, package.json). In a bundle
 * `import.meta.url` is the bundle's, so each module's is rewritten to the URL
 * its tsc output has: every relative path keeps pointing where it did.
 */
const ownModuleUrls: Plugin = {
  name: 'copydesk-own-module-urls',
  transform(code, id) {
    if (!id.startsWith(dist) || !code.includes('import.meta.url')) return null
    // Every output file is in bundleDir, so one relative path fits all chunks.
    const path = relative(bundleDir, id).split(sep).join('/')
    const url = `new URL(${JSON.stringify(path.startsWith('.') ? path : `./${path}`)}, import.meta.url).href`
    return {code: code.replaceAll('import.meta.url', url), map: null}
  },
}

/**
 * Modules declared free of side effects, so that an import of them nobody on
 * a path uses does not pull them (and what they import) onto that path.
 * pipeline/index.js re-exports the HTML reader and `cleanHtml`; declared so,
 * cheerio and its parser go into the chunks of the HTML paths instead of
 * being compiled and run by every `copydesk clean`. Their top levels only
 * declare functions and constants (test/cold-start-chunks.test.ts checks
 * where they land).
 */
const sideEffectFree = [/\/dist\/pipeline\/(?:clean-html|io\/html(?:-[a-z]+)*)\.js$/]

/**
 * iconv-lite's code tables for the Chinese, Japanese and Korean codecs (about
 * 250 KB of JSON, most of the iconv chunk) are required only when such a
 * codec first decodes something. Left as requires of the installed package
 * (`iconv-lite` is a dependency, so it resolves from dist/), they are read
 * then, not parsed by every start: a one-article `clean` loads iconv-lite for
 * windows-1252 (mojibake repair) and never reads them.
 */
const iconvTables: Plugin = {
  name: 'copydesk-iconv-tables',
  resolveId(source, importer) {
    if (!importer?.includes('/node_modules/iconv-lite/encodings/')) return null
    const table = /^\.\/(tables\/[\w-]+\.json)$/.exec(source)?.[1]
    return table ? {id: `iconv-lite/encodings/${table}`, external: true} : null
  },
}

const entry = join(bundleDir, 'cli.js')
/**
 * The batch workers' module (the bundled pool names it to its workers,
 * `workerModuleOf` in pipeline/pool.ts): a
 * worker is a fresh isolate that loads its modules again, and unbundled that
 * was a quarter of the CPU a `--jobs 2` run of 300 records gave its worker.
 * It shares its chunks with the command's.
 */
const workerBundle = 'cli.worker.js'
const result = await build({
  input: {cli: entry, [workerBundle.slice(0, -3)]: join(bundleDir, 'pool-worker.js')},
  platform: 'node',
  external,
  plugins: [ownModuleUrls, iconvTables],
  treeshake: {moduleSideEffects: sideEffectFree.map((test) => ({test, sideEffects: false}))},
  logLevel: 'warn',
  output: {
    dir: dirname(entry),
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: `${chunkPrefix}[name]-[hash].js`,
  },
})
const files = new Set(result.output.map((file) => file.fileName))
// Chunks of an earlier build, whose names carry other content hashes. Removed
// after the new ones are written, so a command started meanwhile finds its own.
for (const name of readdirSync(bundleDir)) {
  if (name.startsWith(chunkPrefix) && !files.has(name)) rmSync(join(bundleDir, name))
}
console.log(`cli bundle: ${files.size} files → ${bundleDir}`)
