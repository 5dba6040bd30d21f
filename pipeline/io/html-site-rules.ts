/**
 * Per-host rules from `plugins/data/site-rules.json`: elements to remove
 * before the text is read (each removal reported), and elements that hold the
 * article on that host.
 */
import type {CheerioAPI} from 'cheerio/slim'
import type {Element} from 'domhandler'
import rules from '../../plugins/data/site-rules.json' with {type: 'json'}
import {collapse, isElement, textOf} from './html-dom.js'

/** An element removed from the page before reading, for the audit trail. */
export interface HtmlRemoval {
  /** The site rule's id, e.g. `thehill-hover-card`. */
  ruleId: string
  /** Always `html-site-rules`. */
  source: string
  /** The removed element's text, white space collapsed. */
  text: string
  /** The selector that matched. */
  selector?: string
}

/** What the site rules found on one page. */
export interface SiteRuleMatches {
  removed: Set<Element>
  removals: HtmlRemoval[]
  /** Elements a rule says hold the article, in document order. */
  keep: Element[]
}

/** A site rule, as in `plugins/data/site-rules.json`. */
export interface SiteRule {
  /** Reported as the `ruleId` of each removal. */
  readonly id: string
  /** Hosts the rule applies to (`example.com` covers its subdomains). */
  readonly hosts: readonly string[]
  /** Selectors of elements to remove before reading. */
  readonly remove: readonly string[]
  /** Selectors of the element holding the article. */
  readonly keep: readonly string[]
}

/** The rules for `host` (`www.` ignored; a rule for `example.com` covers its subdomains). */
export function rulesFor(host: string, extra: readonly SiteRule[] = []): SiteRule[] {
  const bare = host.toLowerCase().replace(/^www\./, '')
  return [...rules.hosts, ...extra].filter((rule) =>
    rule.hosts.some((ruleHost) => bare === ruleHost || bare.endsWith(`.${ruleHost}`)),
  )
}

/** The host of `url`, or `null` when it is not a URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname || null
  } catch {
    return null
  }
}

/** Apply the built-in rules and `extra` ones for `host` to the page in `$` (the tree is not changed). */
export function matchSiteRules(
  $: CheerioAPI,
  host: string | null,
  extra: readonly SiteRule[] = [],
): SiteRuleMatches {
  const matches: SiteRuleMatches = {removed: new Set(), removals: [], keep: []}
  if (host === null) return matches
  for (const rule of rulesFor(host, extra)) {
    for (const selector of rule.remove) {
      for (const element of $(selector).toArray().filter(isElement)) {
        if (matches.removed.has(element)) continue
        matches.removed.add(element)
        matches.removals.push({
          ruleId: rule.id,
          source: 'html-site-rules',
          text: collapse(textOf(element)),
          selector,
        })
      }
    }
    for (const selector of rule.keep) matches.keep.push(...$(selector).toArray().filter(isElement))
  }
  return matches
}
