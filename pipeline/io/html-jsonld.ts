/**
 * The article a page describes in JSON-LD (schema.org): headline, authors,
 * dates, publisher and, on many news sites, the whole `articleBody`.
 */

/** What JSON-LD says about the article. */
export interface LinkedArticle {
  headline: string | null
  authors: string[]
  published: string | null
  url: string | null
  publisher: string | null
  lang: string | null
  /** The article text, as the publisher serialised it (may hold HTML or be cut short). */
  articleBody: string | null
}

/** schema.org types that describe an article (CreativeWork subtypes used by news sites). */
const articleTypes = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'techarticle',
  'scholarlyarticle',
  'report',
])

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}
type JsonObject = {[key: string]: Json}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type']
  const list = Array.isArray(type) ? type : [type]
  return list.filter((item): item is string => typeof item === 'string').map((t) => t.toLowerCase())
}

/** Parse each JSON-LD script; malformed ones are skipped. */
function parseAll(scripts: readonly string[]): Json[] {
  const values: Json[] = []
  for (const script of scripts) {
    // Some CMSs wrap the JSON in an HTML comment or CDATA section.
    const text = script
      .trim()
      .replace(/^<!--|-->$/g, '')
      .replace(/^\/\/<!\[CDATA\[|\/\/\]\]>$/g, '')
    try {
      values.push(JSON.parse(text) as Json)
    } catch {
      // Not JSON: nothing to learn from it.
    }
  }
  return values
}

/** Every object in the parsed values, nested ones included (iteratively). */
function objectsOf(values: Json[]): JsonObject[] {
  const objects: JsonObject[] = []
  const stack: Json[] = [...values].reverse()
  while (stack.length > 0) {
    const value = stack.pop() as Json
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push(value[index] as Json)
    } else if (isObject(value)) {
      objects.push(value)
      const graph = value['@graph']
      if (graph !== undefined) stack.push(graph)
      const main = value.mainEntity ?? value.mainEntityOfPage
      if (isObject(main) && typesOf(main).length > 0) stack.push(main)
    }
  }
  return objects
}

/** How deep a value is followed for its text: real JSON-LD nests two or three levels. */
const maxValueDepth = 8

function stringOf(value: Json | undefined): string | null {
  let current = value
  // A loop, not recursion: a hostile page may nest arrays thousands deep.
  for (let depth = 0; depth < maxValueDepth; depth++) {
    if (typeof current === 'string') return current.trim() || null
    if (Array.isArray(current)) current = current[0]
    else if (isObject(current)) {
      current = current.name ?? current['@value'] ?? current.url ?? current['@id']
    } else return null
  }
  return null
}

function namesOf(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  const names: string[] = []
  for (const item of list) {
    const name =
      typeof item === 'string' ? item.trim() : isObject(item) ? stringOf(item.name) : null
    if (name && !/^https?:/.test(name)) names.push(name)
  }
  return names
}

/** The first article-typed object in the page's JSON-LD, or `null`. */
export function readJsonLd(scripts: readonly string[]): LinkedArticle | null {
  if (scripts.length === 0) return null
  const objects = objectsOf(parseAll(scripts))
  const article =
    objects.find((object) => typesOf(object).some((type) => articleTypes.has(type))) ??
    objects.find((object) => typeof object.headline === 'string')
  if (!article) return null
  const body = article.articleBody
  return {
    headline: stringOf(article.headline ?? article.name),
    authors: namesOf(article.author ?? article.creator),
    published: stringOf(article.datePublished ?? article.dateCreated),
    url: stringOf(article.url),
    publisher: isObject(article.publisher)
      ? stringOf(article.publisher.name)
      : stringOf(article.publisher),
    lang: stringOf(article.inLanguage),
    articleBody: typeof body === 'string' && body.trim() !== '' ? body : null,
  }
}
