/**
 * One walk over a parsed page collects what the reader needs besides the
 * text: meta tags, links, JSON-LD, the `<html lang>`, and the elements that
 * are strong evidence of where the article is (`itemprop=articleBody`,
 * `<article>`, `<body>`).
 */
import type {AnyNode, Document, Element} from 'domhandler'
import {classAndId, collapse, textOf} from './html-dom.js'
import {type LinkedArticle, readJsonLd} from './html-jsonld.js'

/** What the page says about itself. */
export interface PageScan {
  /** `<meta>` values by lower-cased `name`, `property` or `itemprop` (first wins). */
  meta: Map<string, string>
  /** `<link rel=canonical>` href. */
  canonical: string | null
  /** `<html lang>`. */
  lang: string | null
  /** `<title>` text. */
  title: string | null
  /** The first `<h1>` text. */
  heading: string | null
  /** Text of the first element marked as the author (`rel=author`, `itemprop=author`, class `byline`). */
  authors: string[]
  /** `datetime` or text of `itemprop=datePublished`, `time[pubdate]`. */
  dates: string[]
  /** The article described by JSON-LD, if any. */
  linked: LinkedArticle | null
  /** `<body>`, if the page has one. */
  body: Element | null
  /** `itemprop=articleBody` elements, then `<article>` elements, in document order. */
  evidence: Element[]
}

/** `rel=author`, `itemprop=author`, or a class or id naming the byline or author. */
function isAuthorElement(element: Element): boolean {
  const attribs = element.attribs
  if (attribs.itemprop?.toLowerCase() === 'author' || attribs.rel?.toLowerCase() === 'author') {
    return true
  }
  const names = classAndId(element)
  return names.includes('byline') || /(?:^|[\s_-])author(?:$|[\s_-]|name)/.test(names)
}

/** Words that introduce a byline in the languages of the dev pages. */
const bylineLead =
  /^(?:(?:written|posted|story|text|words)\s+)?(?:by|par|por|von|di|door|av|af)\s+/i
const bylineTail = /\s*[—–|,·-]\s*$/

/** A person's name from a byline element's text, or `null` when it does not look like one. */
export function bylineName(text: string): string | null {
  const name = collapse(text).replace(bylineLead, '').replace(bylineTail, '')
  if (name.length < 3 || name.length > 80) return null
  // A name has few digits; a dateline or a counter has many.
  return /\d{2}/.test(name) ? null : name
}

/** Walk the whole document once. */
export function scanPage(document: Document): PageScan {
  const scan: PageScan = {
    meta: new Map(),
    canonical: null,
    lang: null,
    title: null,
    heading: null,
    authors: [],
    dates: [],
    linked: null,
    body: null,
    evidence: [],
  }
  const jsonLd: string[] = []
  const articles: Element[] = []
  const stack: AnyNode[] = [...document.children].reverse()
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode
    if (node.type !== 'tag' && node.type !== 'script') continue
    const attribs = node.attribs
    switch (node.name) {
      case 'html':
        if (scan.lang === null && attribs.lang) scan.lang = attribs.lang.trim() || null
        break
      case 'body':
        if (scan.body === null) scan.body = node
        break
      case 'title':
        if (scan.title === null) scan.title = collapse(textOf(node))
        break
      case 'h1':
        if (scan.heading === null) scan.heading = collapse(textOf(node)) || null
        break
      case 'meta': {
        const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase()
        const value = attribs.content ?? attribs.datetime
        if (key && value !== undefined && !scan.meta.has(key)) scan.meta.set(key, value.trim())
        const httpEquiv = attribs['http-equiv']?.toLowerCase()
        if (httpEquiv === 'content-language' && value && !scan.meta.has(httpEquiv)) {
          scan.meta.set(httpEquiv, value.trim())
        }
        break
      }
      case 'link': {
        const rel = attribs.rel?.toLowerCase() ?? ''
        if (rel === 'canonical' && scan.canonical === null && attribs.href) {
          scan.canonical = attribs.href.trim()
        }
        break
      }
      case 'script':
        if (attribs.type?.toLowerCase().includes('ld+json')) jsonLd.push(textOf(node))
        continue
      case 'article':
        articles.push(node)
        break
      case 'time':
        if (attribs.pubdate !== undefined && attribs.datetime) scan.dates.push(attribs.datetime)
        break
    }
    const itemprop = attribs.itemprop?.toLowerCase()
    if (itemprop === 'articlebody') scan.evidence.push(node)
    else if (itemprop === 'datepublished' && node.name !== 'meta') {
      scan.dates.push(attribs.datetime ?? attribs.content ?? collapse(textOf(node)))
    }
    if (node.name !== 'meta' && scan.authors.length === 0 && isAuthorElement(node)) {
      const name = bylineName(textOf(node))
      if (name !== null) scan.authors.push(name)
    }
    const children = node.children
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push(children[index] as AnyNode)
    }
  }
  scan.evidence.push(...articles)
  scan.linked = readJsonLd(jsonLd)
  return scan
}

/** The article's metadata; `null` where the page does not say. */
export interface ArticleMeta {
  title: string | null
  byline: string | null
  /** Publication date as the page gives it (ISO 8601 on most pages). */
  published: string | null
  /** Canonical URL, resolved against the page's own URL. */
  url: string | null
  siteName: string | null
  /** Language tag, e.g. `en` or `en-US`. */
  lang: string | null
}

function first(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    if (value !== undefined && value !== null) {
      const trimmed = collapse(value)
      if (trimmed !== '') return trimmed
    }
  }
  return null
}

function resolveUrl(href: string | null, base: string | undefined): string | null {
  if (href === null) return base ?? null
  try {
    return new URL(href, base).href
  } catch {
    return /^https?:\/\//.test(href) ? href : (base ?? null)
  }
}

/** `Headline | Site` and `Headline - Site` titles: the headline, when the site part matches. */
function stripSiteName(title: string | null, siteName: string | null): string | null {
  if (title === null) return null
  const match = /^(.{10,}?)\s+[|–—-]\s+[^|–—-]{2,60}$/.exec(title)
  if (match?.[1] && (siteName === null || title.endsWith(siteName))) return match[1]
  return title
}

/** Combine JSON-LD, meta tags and the page into one metadata record. */
export function resolveMeta(scan: PageScan, pageUrl: string | undefined): ArticleMeta {
  const meta = scan.meta
  const linked = scan.linked
  const siteName = first(
    meta.get('og:site_name'),
    linked?.publisher,
    meta.get('application-name'),
    meta.get('al:ios:app_name'),
  )
  const metaAuthor =
    meta.get('author') ??
    meta.get('article:author') ??
    meta.get('parsely-author') ??
    meta.get('sailthru.author') ??
    meta.get('dc.creator') ??
    meta.get('dcterms.creator') ??
    meta.get('byl')
  const authors =
    linked && linked.authors.length > 0
      ? linked.authors
      : metaAuthor && !/^https?:/.test(metaAuthor) && bylineName(metaAuthor) !== null
        ? [bylineName(metaAuthor) as string]
        : scan.authors.slice(0, 1)
  return {
    title: first(
      linked?.headline,
      meta.get('og:title'),
      meta.get('twitter:title'),
      meta.get('dc.title'),
      stripSiteName(scan.title, siteName),
      scan.heading,
    ),
    byline: first([...new Set(authors)].join(', ')),
    published: first(
      linked?.published,
      meta.get('article:published_time'),
      meta.get('datepublished'),
      meta.get('pubdate'),
      meta.get('publishdate'),
      meta.get('parsely-pub-date'),
      meta.get('sailthru.date'),
      meta.get('dc.date.issued'),
      meta.get('dc.date'),
      meta.get('date'),
      scan.dates[0],
    ),
    url: resolveUrl(first(scan.canonical, meta.get('og:url'), linked?.url), pageUrl),
    siteName,
    lang: first(scan.lang, meta.get('content-language'), linked?.lang, meta.get('og:locale')),
  }
}
