/**
 * What a one-article `copydesk clean` loads (issue 8, cold start), with dist/
 * as `npm run build` leaves it (built by `pretest`): the bundle's chunks on
 * that path hold none of the packages only other paths need (cheerio and its
 * parser, zod, regexpp), those packages still load where they are needed, and
 * the shipped boilerplate rules compile the same with or without their check.
 */
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {workerModuleOf} from '../pipeline/pool.js'
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import {compileRule} from '../plugins/util/boilerplate-rules.js'

const bundleDir = fileURLToPath(new URL('../dist/pipeline/', import.meta.url))
const cli = `${bundleDir}cli.js`
const library = new URL('../dist/pipeline/index.js', import.meta.url).href

const chunk = (name: string): string => readFileSync(`${bundleDir}${name}`, 'utf8')

/** cli.js, the chunk its `clean` command loads, and every chunk they import statically. */
function cleanPathChunks(): string[] {
  const entry = chunk('cli.js')
  const clean = /\bclean: \{\s*load: \(\) => import\("\.\/([^"]+)"\)/.exec(entry)?.[1]
  if (clean === undefined) throw new Error('cli.js: no chunk for the clean command')
  const seen = new Set<string>()
  const visit = (name: string): void => {
    if (seen.has(name)) return
    seen.add(name)
    for (const match of chunk(name).matchAll(/^import\b[^'"]*["']\.\/([^'"]+)["']/gm)) {
      if (match[1]) visit(match[1])
    }
  }
  visit('cli.js')
  visit(clean)
  return [...seen]
}

/** Packages whose modules a chunk holds, from the bundler's `// node_modules/<package>/…` marks. */
function packagesIn(names: readonly string[]): Set<string> {
  const packages = new Set<string>()
  for (const name of names) {
    for (const match of chunk(name).matchAll(/^\/\/ node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) {
      if (match[1]) packages.add(match[1])
    }
  }
  return packages
}

const elsewhere = ['cheerio', 'htmlparser2', 'css-select', 'domutils', 'zod']

// Logs, at exit, the CommonJS modules the process required from node_modules.
const logRequired = `data:text/javascript,${encodeURIComponent(`
import {createRequire} from 'node:module'
// One cache for every require; a data: URL cannot anchor createRequire itself.
const cache = createRequire(process.cwd() + '/').cache
process.on('exit', () => {
  for (const path of Object.keys(cache)) if (path.includes('node_modules')) process.stderr.write('required ' + path + '\\n')
})
`)}`

function requiredBy(args: string[], input: string): string[] {
  const result = spawnSync(process.execPath, ['--import', logRequired, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(result.status).toBe(0)
  return result.stderr.split('\n').filter((line) => line.startsWith('required '))
}

const article =
  'Photo: Dana Whit/AFP via Getty Images\n\nThe harbour board voted on Tuesday to ' +
  'widen the north channel, a plan the ferry operators had pressed for since spring.\n'

describe('the clean path of the bundled command', () => {
  it('holds none of the packages only the HTML reader and the configs use', () => {
    const onPath = packagesIn(cleanPathChunks())
    // The marks are there: the path holds the unified stack.
    expect(onPath).toContain('unified')
    for (const name of elsewhere) expect(onPath).not.toContain(name)
    expect(onPath).not.toContain('@eslint-community/regexpp')
  })

  it('still bundles them for the paths that use them', () => {
    const all = readdirSync(bundleDir).filter((name) => /^cli(?:\.chunk-.*)?\.js$/.test(name))
    const bundled = packagesIn(all)
    for (const name of elsewhere) expect(bundled).toContain(name)
  })

  it('requires neither zod nor regexpp to clean an article', () => {
    const required = requiredBy([cli, 'clean'], article)
    expect(required.filter((line) => /zod|regexpp/.test(line))).toEqual([])
  })

  it('leaves the CJK code tables of iconv-lite out, and reads them when a codec needs one', () => {
    const marks = cleanPathChunks()
      .map(chunk)
      .join('\n')
      .match(/^\/\/ node_modules\/iconv-lite\/\S+/gm)
    // iconv-lite is on the path (mojibake repair decodes windows-1252), its tables are not.
    expect(marks?.length).toBeGreaterThan(0)
    expect(marks?.filter((mark) => mark.includes('/tables/'))).toEqual([])
    const story =
      '港口委员会周二投票决定拓宽北部航道，渡轮运营商自春季以来一直在推动这项计划。' +
      '委员会主席说，我们不能再等一个季节了。渔民和州港务局也支持这项工程。\n'
    const result = spawnSync(process.execPath, [cli, 'clean'], {
      input: iconv.encode(story.repeat(3), 'gbk'),
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.status).toBe(0)
    expect(result.stderr).toContain('decoded as GB18030')
    expect(result.stdout).toContain('港口委员会周二投票决定拓宽北部航道')
  })

  it('reads HTML on stdin through the chunks of the HTML path', () => {
    const page = `<html><head><title>Channel vote</title></head><body><article><p>${article.split('\n\n')[1]}</p></article></body></html>`
    const result = spawnSync(process.execPath, [cli, 'clean', '--format', 'html'], {
      input: page,
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('The harbour board voted on Tuesday')
  })
})

describe('the batch workers’ bundle', () => {
  it('is what the bundled pool names for its workers, and cleans as tsc’s worker module does', async () => {
    const pool = readdirSync(bundleDir).find((name) => /^cli\.chunk-pool-[^/]+\.js$/.test(name))
    if (pool === undefined) throw new Error('no pool chunk in the bundle')
    const named = workerModuleOf(`${bundleDir}${pool}`, pathToFileURL(`${bundleDir}pool.js`).href)
    expect(named).toBe(pathToFileURL(`${bundleDir}cli.worker.js`).href)
    type Worker = typeof import('../pipeline/pool-worker.js')
    const bundled = (await import(named)) as Worker
    const own = (await import(pathToFileURL(`${bundleDir}pool-worker.js`).href)) as Worker
    const units = article
      .split('\n\n')
      .map((text, index) => ({kind: 'item' as const, index, fileIndex: 0, item: {id: index, text}}))
    const task = {units, options: {}}
    const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)
    const fromBundle = decode((await bundled.processUnits(task)).bytes)
    expect(fromBundle.split('\n').filter(Boolean)).toHaveLength(units.length)
    expect(fromBundle).toBe(decode((await own.processUnits(task)).bytes))
  })

  it('is not named outside the bundle: tsc’s modules and the sources clean with tsc’s worker module', () => {
    for (const running of [
      `${bundleDir}pool.js`,
      fileURLToPath(new URL('../pipeline/pool.ts', import.meta.url)),
    ]) {
      expect(workerModuleOf(running, pathToFileURL(`${bundleDir}pool.js`).href)).toBe(
        pathToFileURL(`${bundleDir}pool-worker.js`).href,
      )
    }
  })
})

describe('boilerplate rules at start-up', () => {
  it('compile the same whether the schema checks them or they are trusted', () => {
    for (const rule of registry.rules) {
      expect(compileRule(rule, true)).toEqual(compileRule(rule))
    }
  })

  it('loads zod when a user rule is checked, and rejects a bad one', () => {
    const rule = {
      id: 'Harbour-Promo',
      publisher: 'test',
      kind: 'line',
      description: 'A promo line',
      pattern: 'Ferry times: .+',
      confidence: 0.9,
      example: 'Ferry times: see the board',
      expected: '',
      source: 'test/cold-start-chunks.test.ts',
    }
    const script = `import {clean} from ${JSON.stringify(library)}
try { clean('Ferry times: see the board\\n\\nThe board met.\\n', {boilerplate: {extraRules: [${JSON.stringify(rule)}]}}) }
catch (error) { process.stdout.write(String(error.message)) }`
    const result = spawnSync(
      process.execPath,
      ['--import', logRequired, '--input-type=module', '-e', script],
      {encoding: 'utf8', timeout: 30_000},
    )
    expect(result.status).toBe(0)
    // The id breaks the schema's kebab-case rule; zod says so.
    expect(result.stdout).toContain('"id"')
    expect(result.stderr).toMatch(/required \S*node_modules\/zod\//)
  })
})
