/**
 * Bad input to the HTML reader: truncated markup, no <body>, a 20 MB page,
 * 100,000 nested tags, a wrong charset declaration, binary data, and
 * adversarial input for every pattern that runs on the page. Each gives a
 * best-effort result or a clear error, never a hang or a crash.
 */
import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {decodeHtml, extractArticle, HtmlInputError} from '../pipeline/index.js'
import {flattenNesting, nestingDepth} from '../pipeline/io/html-dom.js'

const sample = readFileSync(
  new URL('./fixtures/html/json-ld-article/input.html', import.meta.url),
  'utf8',
)

/** Milliseconds `run` takes. */
function timed(run: () => unknown): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

const paragraph =
  '<p>The ferry left the harbour at dawn, carrying forty passengers, two vans and a crate of ' +
  'letters for the island school, which had waited three weeks for its post.</p>\n'

describe('bad HTML', () => {
  it('reads a page cut off in the middle of a tag', () => {
    const cut = sample.slice(0, sample.indexOf('Who pays') + 20)
    const article = extractArticle(cut.slice(0, cut.lastIndexOf('<') + 3))
    expect(article.text).toMatch(/^Councillors in Port Aldwin/)
    expect(article.text).toContain('Engineers told the council')
  })

  it('reads a fragment with no <html> or <body>, with a warning', () => {
    const article = extractArticle(`${paragraph}${paragraph}<div class="share">Share</div>`)
    expect(article.text.split('\n\n')).toHaveLength(2)
    expect(article.warnings).toContain('Page has no <body>; reading the whole document')
  })

  it('gives empty text and a warning for an empty page', () => {
    const article = extractArticle('')
    expect(article.text).toBe('')
    expect(article.warnings).toContain('No article text found')
    expect(article.meta.title).toBeNull()
  })

  it('reads a 20 MB page', () => {
    // Pages this large carry their weight in inline data: app state, embedded images.
    const state = `<script>window.__STATE__ = {"items": [${'{"id": 1, "headline": "x"},'.repeat(40_000)}]}</script>\n`
    const image = `<img src="data:image/png;base64,${'iVBORw0KGgo'.repeat(20_000)}">\n`
    const menu = `<div class="menu">${'<a href="/a">Home</a> <a href="/b">World</a> '.repeat(50)}</div>\n`
    let body = ''
    while (body.length < 20_000_000) body += state + image + menu
    const html = `<html><body>${body}<article>${paragraph.repeat(30)}</article>${menu}</body></html>`
    expect(html.length).toBeGreaterThan(20_000_000)
    const article = extractArticle(html)
    expect(article.text).toMatch(/^The ferry left the harbour/)
    expect(article.text.split('\n\n')).toHaveLength(30)
  })

  it('flattens 100,000 nested divs and keeps their text', () => {
    const depth = 100_000
    const html = `<body>${'<div>'.repeat(depth)}${paragraph}${'</div>'.repeat(depth)}</body>`
    expect(nestingDepth(html)).toBe(depth + 1)
    const article = extractArticle(html)
    expect(article.text).toMatch(/^The ferry left the harbour/)
    expect(article.warnings[0]).toMatch(/nested 100001 levels deep/)
  })

  it('flattens unclosed nesting too, keeping text and shallow structure', () => {
    const html = `<p>Start.</p>${'<span><b>'.repeat(5000)}deep text`
    const flat = flattenNesting(html, 100)
    expect(nestingDepth(flat)).toBeLessThanOrEqual(100)
    expect(flat).toContain('deep text')
    expect(flat.startsWith('<p>Start.</p><span><b>')).toBe(true)
  })

  it('reads JSON-LD nested 100,000 levels deep', () => {
    const deep = `${'['.repeat(100_000)}"Nested"${']'.repeat(100_000)}`
    const html = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": ${deep}, "author": ${deep}, "@graph": ${deep}}</script><p>Text.</p>`
    const article = extractArticle(html)
    expect(article.meta.title).toBeNull()
    expect(article.text).toBe('Text.')
  })

  it('rejects binary data with a clear error', () => {
    const binary = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)
    expect(() => extractArticle(binary)).toThrow(HtmlInputError)
    expect(() => extractArticle(binary)).toThrow(/binary data/)
    const bytes = new Uint8Array(4096).map((_, index) => (index * 7919) % 256)
    expect(() => decodeHtml(bytes)).toThrow(HtmlInputError)
  })
})

describe('decodeHtml', () => {
  const page = (charset: string) =>
    `<html><head><meta charset="${charset}"><title>Café</title></head><body><p>Crème brûlée at the café, £4.</p></body></html>`

  it('decodes UTF-8 bytes under a wrong windows-1252 declaration as UTF-8, with a warning', () => {
    const decoded = decodeHtml(new TextEncoder().encode(page('windows-1252')))
    expect(decoded.charset).toBe('utf-8')
    expect(decoded.html).toContain('Crème brûlée at the café, £4.')
    expect(decoded.warnings[0]).toMatch(/declares charset windows-1252 but its bytes are UTF-8/)
  })

  it('decodes windows-1252 bytes under a wrong UTF-8 declaration as windows-1252, with a warning', () => {
    const decoded = decodeHtml(iconv.encode(page('utf-8'), 'windows-1252'))
    expect(decoded.charset).toBe('windows-1252')
    expect(decoded.html).toContain('Crème brûlée at the café, £4.')
    expect(decoded.warnings[0]).toMatch(/not UTF-8 as declared/)
  })

  it('follows a correct single-byte declaration without a warning', () => {
    const decoded = decodeHtml(iconv.encode(page('iso-8859-15'), 'iso-8859-15'))
    expect(decoded.charset).toBe('iso-8859-15')
    expect(decoded.html).toContain('Crème brûlée')
    expect(decoded.warnings).toEqual([])
  })

  it('reads UTF-16 with a byte-order mark and drops a UTF-8 one', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(page('utf-16'), 'utf-16le'),
    ])
    expect(decodeHtml(utf16).html).toContain('Crème brûlée')
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('utf-8'))])
    expect(decodeHtml(bom).html.startsWith('<html>')).toBe(true)
  })
})

describe('linear time on adversarial input (about 1 MB each)', () => {
  const size = 1_000_000
  // A generous bound: a quadratic pattern on 1 MB takes minutes, a linear one milliseconds.
  const bound = 5_000
  const inputs: Record<string, string> = {
    'tag openers without a close': '<a'.repeat(size / 2),
    'a tag name that never ends': `<${'a'.repeat(size)}`,
    'an unclosed script': `<p>x</p><script>${'<'.repeat(size)}`,
    'many unclosed scripts': '<script>x'.repeat(size / 9),
    'white space in <pre>': `<pre>${' \n'.repeat(size / 2)}x</pre>`,
    'white space everywhere': `<p>${' \t\n'.repeat(size / 3)}</p>`,
    'deep inline nesting': `${'<b>'.repeat(size / 3)}`,
    'an attribute that never closes': `<div class="${'comment '.repeat(size / 8)}`,
    'long class lists': `<div class="${'x-'.repeat(size / 4)}">text</div>`,
    'title separators': `<title>${'a - '.repeat(size / 4)}</title>`,
    'JSON-LD with a huge string': `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"${'<p'.repeat(size / 2)}"}</script>`,
    'endless ellipses': `<body>${'<p>more...</p>'.repeat(size / 14)}</body>`,
    // Every `<` once looked for the next `>`, here at the very end, from itself:
    // 2.4 s on 1 MB, 23.7 s on 3 MB (so these are 3 MB); 0.6 s now.
    'tag openers without a name, one close at the end': `<p>${'</'.repeat(1.5 * size)}</p>`,
    'lone openers, one close at the end': `<p>${'< '.repeat(1.5 * size)}</p>`,
  }
  for (const [name, html] of Object.entries(inputs)) {
    it(name, () => {
      expect(timed(() => extractArticle(html))).toBeLessThan(bound)
    })
  }

  it('charset sniffing on a page of <meta> openers', () => {
    const bytes = Buffer.from(`<meta ${'charset '.repeat(size / 8)}`)
    expect(timed(() => decodeHtml(bytes))).toBeLessThan(bound)
  })
})
