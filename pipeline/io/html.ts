/**
 * The HTML reader: a news page in, the article's text and metadata out, on
 * cheerio (htmlparser2 mode). The text then goes through the normal text
 * pipeline (`clean()`).
 *
 * Strong evidence first: per-host site rules, `itemprop=articleBody`,
 * `<article>`; otherwise the element whose text blocks score best (prose
 * counts for, link lists and scraps against, furniture not at all). JSON-LD
 * `articleBody` stands in when the page's markup yields no text.
 */
import type {Document} from 'domhandler'
import {type Block, collectBlocks, type Scope} from './html-blocks.js'
import {
  collapse,
  contains,
  flattenNesting,
  loadHtml,
  maxNesting,
  nestingDepth,
  parseHtml,
} from './html-dom.js'
import {assertNotBinary, HtmlInputError} from './html-errors.js'
import {type ArticleMeta, resolveMeta, scanPage} from './html-meta.js'
import {chooseContainer, keepBlock, settleFurniture} from './html-score.js'
import {type HtmlRemoval, hostOf, matchSiteRules, type SiteRule} from './html-site-rules.js'

export type {ArticleMeta} from './html-meta.js'
export type {HtmlRemoval, SiteRule} from './html-site-rules.js'

/** Options of {@link extractArticle}. */
export interface ExtractOptions {
  /** The page's URL: picks the site rules and resolves a relative canonical link. */
  readonly url?: string | undefined
  /** Site rules of your own, applied with the built-in ones (same shape as `plugins/data/site-rules.json`). */
  readonly siteRules?: readonly SiteRule[] | undefined
}

/** A page read into an article. */
export interface ExtractedArticle {
  /** The article text: blocks separated by one blank line. */
  text: string
  meta: ArticleMeta
  /** Elements removed by site rules, for the audit trail. */
  removed: HtmlRemoval[]
  /** What was assumed or repaired. */
  warnings: string[]
}

export {HtmlInputError} from './html-errors.js'

/**
 * Read a news page: the article's text, metadata, the elements site rules
 * removed, and warnings. Throws {@link HtmlInputError} on binary input;
 * anything else (truncated markup, no `<body>`, deep nesting) gives a
 * best-effort result with a warning.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  if (typeof html !== 'string') throw new HtmlInputError('Input is not a string')
  assertNotBinary(html.length, (index) => html.charCodeAt(index))
  const warnings: string[] = []
  const depth = nestingDepth(html)
  if (depth > maxNesting) {
    warnings.push(`Tags nested ${depth} levels deep; flattened below level ${maxNesting}`)
  }
  const $ = loadHtml(depth > maxNesting ? flattenNesting(html) : html)
  const document = $.root()[0] as unknown as Document
  const scan = scanPage(document)
  const meta = resolveMeta(scan, options.url)
  if (scan.body === null) warnings.push('Page has no <body>; reading the whole document')
  const root: Scope = scan.body ?? document
  const sites = matchSiteRules($, hostOf(options.url) ?? hostOf(meta.url), options.siteRules)
  const page = collectBlocks(root, sites.removed)
  settleFurniture(page)
  const blocks = page.blocks
  const container = sites.keep[0] ?? chooseContainer(blocks, root, scan.evidence)
  let text = articleText(blocks, container, meta, scan.title)
  const linkedBody = scan.linked?.articleBody
  if (text === '' && linkedBody) {
    text = linkedText(linkedBody)
    warnings.push('No article text in the markup; using the JSON-LD articleBody')
  }
  if (text === '') warnings.push('No article text found')
  return {text, meta, removed: sites.removals, warnings}
}

/** A short line that credits the author: `By Jane Roe`, `Posted on 9 May by Jane Roe`. */
const bylineStart = /^(?:by|posted|written|published|updated|von|por|par|di)\b/i

function articleText(
  blocks: readonly Block[],
  container: Scope,
  meta: ArticleMeta,
  pageTitle: string | null,
): string {
  const kept: string[] = []
  const titles = [meta.title, pageTitle]
    .filter((title): title is string => title !== null)
    .map((title) => collapse(title).toLowerCase())
  const author = meta.byline?.split(', ')[0] ?? null
  for (const block of blocks) {
    if (!isInside(block.owner, container)) continue
    if (!keepBlock(block, container)) continue
    if (block.heading > 0 && isTitle(block.text, titles)) continue
    if (author !== null && isBylineLine(block.text, author)) continue
    kept.push(block.text)
  }
  return kept.join('\n\n')
}

/** The headline, repeated as a heading: equal to a title, or the title without its site suffix. */
function isTitle(heading: string, titles: readonly string[]): boolean {
  const text = heading.toLowerCase()
  return titles.some((title) => title === text || (text.length >= 15 && title.startsWith(text)))
}

function isBylineLine(text: string, author: string): boolean {
  return text.length <= 120 && text.includes(author) && (text === author || bylineStart.test(text))
}

function isInside(element: Scope, container: Scope): boolean {
  return contains(container, element)
}

/** JSON-LD article bodies are plain text or HTML; either way, text with blank lines between paragraphs. */
function linkedText(body: string): string {
  if (!/<[a-z][^>]{0,200}>/i.test(body)) return body.trim()
  const $ = parseHtml(`<body>${body}</body>`)
  const document = $.root()[0] as unknown as Document
  const root: Scope = scanPage(document).body ?? document
  return collectBlocks(root, new Set())
    .blocks.map((block) => block.text)
    .join('\n\n')
}
