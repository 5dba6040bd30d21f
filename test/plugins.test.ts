/**
 * Fixture pairs for every plugin, and the invariants every plugin keeps.
 *
 * test/fixtures/<plugin>/<case>/input.txt   the input
 *                              output.txt  the expected output (a file snapshot: update with `vitest -u`, review the diff)
 *                              messages.txt  one line per message (a file snapshot)
 *                              options.json  plugin options (optional)
 * test/fixtures/pipeline/<case>/ runs the whole clean + normalise chain instead of one plugin.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import type {Root} from 'nlcst'
import {retext} from 'retext'
import type {Pluggable} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../pipeline/index.js'
import '../plugins/util/data-map.js'

const fixtures = new URL('./fixtures/', import.meta.url)
// A folder is a plugin's fixtures when a plugin of that name exists; other
// folders hold fixtures of other tests (seed, HTML pages, lint, report...).
const isPluginFolder = (name: string): boolean =>
  name === 'pipeline' || existsSync(new URL(`../plugins/${name}.ts`, import.meta.url))

const folders = readdirSync(fixtures, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && isPluginFolder(entry.name))
  .map((entry) => entry.name)

function casesOf(folder: string): string[] {
  return readdirSync(new URL(`${folder}/`, fixtures), {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .filter((entry) => existsSync(new URL(`${folder}/${entry.name}/input.txt`, fixtures)))
    .map((entry) => entry.name)
}

async function processorFor(folder: string, options: unknown) {
  if (folder === 'pipeline') return createPipeline({score: false})
  const module = (await import(`../plugins/${folder}.ts`)) as {default: Pluggable}
  return retext().use(module.default as never, options as never)
}

function run(processor: Awaited<ReturnType<typeof processorFor>>, text: string) {
  const file = new VFile(text)
  const tree = processor.runSync(processor.parse(file) as Root, file)
  return {file, output: String(processor.stringify(tree as never, file))}
}

function describeMessages(file: VFile): string {
  return file.messages
    .map((message) => {
      const place = message.place && 'start' in message.place ? message.place : undefined
      const where = place
        ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
        : `${message.line ?? 0}:${message.column ?? 0}`
      return `${where} ${message.source}:${message.ruleId} ${message.reason}`
    })
    .join('\n')
}

for (const folder of folders) {
  describe(folder, () => {
    for (const name of casesOf(folder)) {
      const base = new URL(`${folder}/${name}/`, fixtures)
      const input = readFileSync(new URL('input.txt', base), 'utf8')
      const optionsUrl = new URL('options.json', base)
      const options: unknown = existsSync(optionsUrl)
        ? JSON.parse(readFileSync(optionsUrl, 'utf8'))
        : undefined

      it(`${name}: output and messages`, async () => {
        const processor = await processorFor(folder, options)
        const {file, output} = run(processor, input)
        await expect(output).toMatchFileSnapshot(new URL('output.txt', base).pathname)
        await expect(`${describeMessages(file)}\n`).toMatchFileSnapshot(
          new URL('messages.txt', base).pathname,
        )
      })

      it(`${name}: every message is complete and points at its text`, async () => {
        const processor = await processorFor(folder, options)
        const {file} = run(processor, input)
        for (const message of file.messages) {
          expect(message.source).toBeTruthy()
          expect(message.ruleId).toBeTruthy()
          expect(message.url).toMatch(/#/)
          const place = message.place
          if (place && 'start' in place && message.actual !== undefined) {
            const start = place.start.offset ?? -1
            const end = place.end.offset ?? -1
            expect(input.slice(start, end)).toBe(message.actual)
          }
        }
        for (const removal of file.data.removed ?? []) {
          expect(input.slice(removal.start, removal.end)).toBe(removal.text)
        }
      })

      it(`${name}: running twice gives the same result as once`, async () => {
        const processor = await processorFor(folder, options)
        const once = run(processor, input).output
        expect(run(processor, once).output).toBe(once)
      })
    }
  })
}

describe('analysers', () => {
  const analysers = ['score-readability', 'score-neutrality'] as const
  const text =
    'The council slammed the plan on Monday, and critics claimed it was a disastrous giveaway. ' +
    'Officials said the budget, which had been negotiated over several contentious months by representatives ' +
    'of every municipal department, would nevertheless be published in full before the final vote in June.\n\n' +
    'Residents asked for more buses.'

  async function load(name: string): Promise<Pluggable> {
    return ((await import(`../plugins/${name}.ts`)) as {default: Pluggable}).default
  }

  function messagesOf(processor: ReturnType<typeof retext>, value: string): string[] {
    const file = new VFile(value)
    processor.runSync(processor.parse(file), file)
    return file.messages
      .map(
        (message) =>
          `${message.source}:${message.ruleId}:${message.place && 'start' in message.place ? message.place.start.offset : ''}`,
      )
      .sort()
  }

  it('give the same messages in any order', async () => {
    const [a, b] = await Promise.all(analysers.map(load))
    const forward = messagesOf(
      retext()
        .use(a as never)
        .use(b as never),
      text,
    )
    const backward = messagesOf(
      retext()
        .use(b as never)
        .use(a as never),
      text,
    )
    expect(forward.length).toBeGreaterThan(0)
    expect(backward).toEqual(forward)
  })

  it('skip nodes without a position instead of crashing', async () => {
    for (const name of analysers) {
      const plugin = await load(name)
      const processor = retext().use(plugin as never)
      const file = new VFile(text)
      const tree = processor.parse(file) as Root
      // A node a cleaner might create: no position.
      const paragraph = tree.children.find((node) => node.type === 'ParagraphNode')
      if (paragraph?.type === 'ParagraphNode') {
        paragraph.children.push({
          type: 'SentenceNode',
          children: [{type: 'WordNode', children: [{type: 'TextNode', value: 'Inserted'}]}],
        })
      }
      expect(() => processor.runSync(tree, file)).not.toThrow()
    }
  })
})
