/**
 * `cleanHtml()`: a news page through the HTML reader, then the pipeline.
 *
 * A module of its own, re-exported by pipeline/index.ts, so that `clean()`
 * does not import the HTML reader: the CLI bundle (scripts/bundle-cli.ts)
 * then loads cheerio and its parser only on the paths that read HTML, not on
 * a one-article `copydesk clean` of plain text.
 */

import {type CleanOptions, clean} from './index.js'
import {extractArticle} from './io/html.js'
import {htmlTooLarge, textTooLarge} from './limits.js'
import type {CleanRecord} from './record.js'

/** Options of {@link cleanHtml}. */
export interface CleanHtmlOptions extends CleanOptions {
  /** The page's URL: picks site rules, resolves the canonical link. */
  readonly url?: string | undefined
}

/**
 * Read a news page (HTML), then clean and score its article text like
 * {@link clean}. The record also carries the page's `meta` and the HTML
 * reader's `extraction` (site-rule removals, warnings). Throws
 * `HtmlInputError` on binary input.
 */
export function cleanHtml(html: string, options: CleanHtmlOptions = {}): CleanRecord {
  const large = htmlTooLarge(html.length)
  if (large) throw new RangeError(large)
  const article = extractArticle(html, {url: options.url})
  const long = textTooLarge(article.text.length)
  if (long) throw new RangeError(long)
  return {
    ...clean(article.text, options),
    meta: article.meta,
    extraction: {removed: article.removed, warnings: article.warnings},
  }
}
