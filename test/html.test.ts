/**
 * The HTML reader on pages written for copydesk in the shapes of real news
 * pages: fixture pairs (`test/fixtures/html/<case>/input.html` → `output.txt`
 * and `result.json`, file snapshots: update with `vitest -u` and review the
 * diff), and the behaviour each page is there to show.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {clean, extractArticle} from '../pipeline/index.js'
import type {ExtractOptions} from '../pipeline/io/html.js'
import {bylineName} from '../pipeline/io/html-meta.js'

const fixtures = new URL('./fixtures/html/', import.meta.url)
const cases = readdirSync(fixtures, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

function page(name: string): {html: string; options: ExtractOptions} {
  const folder = new URL(`${name}/`, fixtures)
  const optionsUrl = new URL('options.json', folder)
  return {
    html: readFileSync(new URL('input.html', folder), 'utf8'),
    options: existsSync(optionsUrl)
      ? (JSON.parse(readFileSync(optionsUrl, 'utf8')) as ExtractOptions)
      : {},
  }
}

function read(name: string) {
  const {html, options} = page(name)
  return extractArticle(html, options)
}

describe('html fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5)
  })

  for (const name of cases) {
    it(name, async () => {
      const article = read(name)
      const folder = new URL(`${name}/`, fixtures)
      await expect(`${article.text}\n`).toMatchFileSnapshot(new URL('output.txt', folder).pathname)
      const rest = {meta: article.meta, removed: article.removed, warnings: article.warnings}
      await expect(`${JSON.stringify(rest, null, 2)}\n`).toMatchFileSnapshot(
        new URL('result.json', folder).pathname,
      )
    })
  }
})

describe('extractArticle', () => {
  it('keeps the story and drops navigation, ads, sharing, related links, comments and footer', () => {
    const {text} = read('json-ld-article')
    expect(text).toMatch(/^Councillors in Port Aldwin voted/)
    expect(text).toContain('Who pays')
    expect(text).toContain('“We have been lucky twice.')
    expect(text).toMatch(/once the summer visitors have left\.$/)
    for (const furniture of [
      'Sport',
      'cookies',
      'Advertisement',
      'Share on',
      'Lifeboat',
      'insurers',
      'rights reserved',
      'dataLayer',
      'color: red',
    ]) {
      expect(text).not.toContain(furniture)
    }
  })

  it('separates blocks by one blank line and keeps <br> as a line break', () => {
    const {text} = read('itemprop-body')
    expect(text).toContain('next year.\nA community kitchen')
    expect(text).toContain('coffee shop.”\n\nThe upper floors')
    expect(text).not.toMatch(/\n{3}/)
    expect(text).not.toMatch(/[a-z]\.[A-Z]/) // no words glued across tags
  })

  it('prefers itemprop=articleBody and drops teaser excerpts and sign-up boxes', () => {
    const {text} = read('itemprop-body')
    expect(text).toMatch(/^The brick mill on Front Street/)
    expect(text).toContain('Opening hours: Thursday to Sunday')
    expect(text).not.toContain('Bridge repairs')
    expect(text).not.toContain('steel deliveries')
    expect(text).not.toContain('inbox')
  })

  it('reads an <article> inside wrappers whose class names mention the sidebar and comments', () => {
    const {text} = read('article-element')
    expect(text).toMatch(/^Most people assume an allotment/)
    expect(text).toContain('Garlic, if the ground is not frozen.')
    expect(text).toContain('Plot 7 rainfall (mm)\n  Nov   94')
    expect(text).not.toContain('Posted on')
    expect(text).not.toContain('heavy clay')
    expect(text).not.toContain('Seed catalogue')
    expect(text).not.toContain('Tagged')
  })

  it('finds the story in nested divs with no semantic markup', () => {
    const {text} = read('div-soup')
    expect(text.split('\n\n')).toHaveLength(4)
    expect(text).not.toContain('Advertisement')
    expect(text).not.toContain('cycle lane')
    expect(text).not.toContain('Bridge Street')
  })

  it('removes The Hill hover cards in the HTML and reports each one', () => {
    const article = read('thehill-hover-cards')
    expect(article.text).toContain('after Sen. Jane Roe (D-Ore.) won support')
    expect(article.text).toContain('Majority Leader Sam Lee (R-Ky.) has not said')
    expect(article.text).not.toContain('MORE')
    expect(article.removed).toHaveLength(2)
    expect(article.removed[0]).toMatchObject({
      ruleId: 'thehill-hover-card',
      source: 'html-site-rules',
      selector: 'span.rollover-people-block',
    })
    expect(article.removed[0]?.text).toContain('Roe presses regulators')
  })

  it('applies site rules only on their host', () => {
    const {html} = page('thehill-hover-cards')
    const elsewhere = extractArticle(html.replace(/thehill\.com/g, 'example.org'), {
      url: 'https://example.org/story',
    })
    expect(elsewhere.removed).toEqual([])
    expect(elsewhere.text).toContain('Roe presses regulators')
  })

  it('applies site rules of the caller: keep picks the article, remove reports what it drops', () => {
    const {html} = page('div-soup')
    const article = extractArticle(html, {
      url: 'https://www.millbrook.example/news/swifts',
      siteRules: [
        {
          id: 'millbrook-sidebar',
          hosts: ['millbrook.example'],
          keep: ['div.bottom'],
          remove: ['div.boxtitle'],
        },
      ],
    })
    expect(article.text).toMatch(/^Millbrook Echo, 4 Bridge Street/)
    expect(article.text).not.toContain('swifts')
    expect(article.removed).toEqual([
      {
        ruleId: 'millbrook-sidebar',
        source: 'html-site-rules',
        text: 'Latest',
        selector: 'div.boxtitle',
      },
    ])
  })

  it('leaves the text cleaner nothing to do on The Hill pages', () => {
    const {text} = read('thehill-hover-cards')
    const record = clean(text, {score: false})
    expect(record.removed).toEqual([])
    expect(record.text).toBe(text)
  })

  it('reads metadata from JSON-LD, meta tags and the page', () => {
    expect(read('json-ld-article').meta).toEqual({
      title: 'Harbour town votes to rebuild sea wall',
      byline: 'Mira Okafor, Tom Lindqvist',
      published: '2024-03-14T09:30:00Z',
      url: 'https://ledger.example/news/2024/03/harbour-sea-wall-vote',
      siteName: 'The Coastal Ledger',
      lang: 'en-GB',
    })
    const mill = read('itemprop-body').meta
    expect(mill.byline).toBe('Priya Raman')
    expect(mill.siteName).toBe('Riverbend Daily')
    expect(mill.url).toBe('https://riverbend.example/business/mill-reopens')
    expect(mill.lang).toBe('en-US')
    const allotment = read('article-element').meta
    expect(allotment.byline).toBe('June Halloway')
    expect(allotment.published).toBe('2022-01-09')
  })

  it('takes the title from <title> without the site name when nothing better is there', () => {
    const html =
      '<html><head><title>Ferry fares rise again | Island Post</title>' +
      '<meta property="og:site_name" content="Island Post"></head><body><p>Text.</p></body></html>'
    expect(extractArticle(html).meta.title).toBe('Ferry fares rise again')
  })

  it('falls back to the JSON-LD articleBody when the markup has no text', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Quiet night",' +
      '"articleBody":"<p>The storm passed to the north.</p><p>Nobody was hurt.</p>"}</script></head>' +
      '<body><div id="app"></div></body></html>'
    const article = extractArticle(html)
    expect(article.text).toBe('The storm passed to the north.\n\nNobody was hurt.')
    expect(article.warnings[0]).toMatch(/JSON-LD articleBody/)
  })

  it('finds the byline in the page when meta tags and JSON-LD have none', () => {
    const html =
      '<html><body><div class="story-byline">By\n  Ruth Abney —</div>' +
      '<p>The count will be repeated next summer, the group said on Monday evening.</p></body></html>'
    expect(extractArticle(html).meta.byline).toBe('Ruth Abney')
  })
})

describe('bylineName', () => {
  it('strips the words that introduce a byline', () => {
    expect(bylineName('By  Jane Roe')).toBe('Jane Roe')
    expect(bylineName('Posted by Sam Lee |')).toBe('Sam Lee')
    expect(bylineName('Par Camille Dubois')).toBe('Camille Dubois')
    expect(bylineName('Byron Hale')).toBe('Byron Hale')
  })

  it('refuses datelines and long text', () => {
    expect(bylineName('Updated Nov. 19, 2019 at 10:41 a.m.')).toBeNull()
    expect(bylineName('Jo')).toBeNull()
    expect(bylineName('word '.repeat(30))).toBeNull()
  })
})
