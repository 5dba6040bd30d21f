/**
 * The QA report in a real browser (Debian's chromium, driven by
 * playwright-core): sort, filter, search, an article, the view toggle, review
 * and export, hostile text, and a batch of 10,000. Screenshots go to
 * $COPYDESK_SCREENSHOTS (default: a temporary folder, printed) for a person to
 * look at. Skips when /usr/bin/chromium is absent; CI installs it (.ci/run).
 */
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {type BrowserContext, chromium, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {reportCommand} from '../pipeline/commands/report.js'
import {readArticle} from '../pipeline/report/article.js'
import {buildReport} from '../pipeline/report/html.js'
import {parseSuppressions} from '../pipeline/report/suppressions.js'
import {batchFolder, runFixtureBatch} from './fixtures/report/run.js'

const executablePath = '/usr/bin/chromium'
const hasBrowser = existsSync(executablePath)

interface RunRecord {
  id: string
  text: string
  readability?: {grade: number | null} | null
  neutrality?: {signals: Array<{category: string; weight: number; text: string}>}
  removed: Array<{ruleId: string; start: number; end: number; text: string}>
}

/** A record no cleaner wrote: every field a page could be attacked through. */
const hostileRecord = {
  id: '</script><script>window.__pwned = "id"</script>',
  text:
    'Note <script>window.__pwned = "text"</script> </textarea><img src=x onerror="window.__pwned = 1">\n' +
    '"\'><svg onload="window.__pwned = 2"> and </script><script>window.__pwned = 3</script> end.',
  removed: [],
  changes: [],
  meta: {
    title: '<img src=x onerror="window.__pwned = 4"> hostile',
    url: 'javascript:window.__pwned = 5',
  },
  messages: [{severity: 'warning', reason: '<b onmouseover="window.__pwned = 6">x</b>'}],
}

let context: BrowserContext
let folder: string
let shots: string
let records: RunRecord[]
let runOut: string
const problems: string[] = []

async function open(html: string, name: string): Promise<Page> {
  const path = join(folder, name)
  await writeFile(path, html)
  const page = await context.newPage()
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`${name}: dialog ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name}: console ${message.text()}`)
  })
  await page.goto(pathToFileURL(path).href)
  return page
}

async function inputText(id: string): Promise<string | undefined> {
  const lines = (await readFile(join(batchFolder, 'wire.jsonl'), 'utf8')).trim().split('\n')
  return lines
    .map((line) => JSON.parse(line) as {id: string; text?: string})
    .find((item) => item.id === id)?.text
}

const shownIds = (page: Page): Promise<string[]> =>
  page.$$eval('.row:not([hidden])', (rows) =>
    rows
      .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
      .map((row) => row.children[0]?.textContent ?? ''),
  )

describe.skipIf(!hasBrowser)('QA report in Chromium', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'copydesk-report-browser-'))
    shots = process.env.COPYDESK_SCREENSHOTS ?? folder
    const run = await runFixtureBatch()
    runOut = run.out
    records = run.records as RunRecord[]
    context = await chromium.launchPersistentContext(join(folder, 'profile'), {
      executablePath,
      headless: true,
      acceptDownloads: true,
      viewport: {width: 1400, height: 1000},
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    console.log(`report screenshots: ${shots}`)
  }, 60_000)

  afterAll(async () => {
    await context?.close()
  })

  it('sorts, filters, searches and opens an article with its three views', async () => {
    const page = await open(buildReport(records, {name: 'fixture run'}), 'run.html')
    await expect.poll(() => page.textContent('#shown')).toBe('5 of 5 articles')
    await page.screenshot({path: join(shots, 'report-batch.png'), fullPage: true})

    // Sort by grade: lowest first, then highest first; articles without a grade last.
    const graded = records
      .filter((record) => typeof record.readability?.grade === 'number')
      .sort((a, b) => (a.readability?.grade ?? 0) - (b.readability?.grade ?? 0))
      .map((record) => record.id)
    await page.click('.head button[data-key=grade]')
    expect(await shownIds(page)).toEqual([...graded, 'wire-broken'])
    await page.click('.head button[data-key=grade]')
    expect(await shownIds(page)).toEqual([...graded.reverse(), 'wire-broken'])
    expect(await page.getAttribute('.head button[data-key=grade]', 'aria-sort')).toBe('descending')

    // Filter by rule, then search the text (a word only in one article's body).
    await page.selectOption('#rule', 'hill-related-blurb')
    const withBlurbs = records.filter((record) =>
      record.removed?.some((r) => r.ruleId === 'hill-related-blurb'),
    )
    await expect
      .poll(() => shownIds(page).then((ids) => ids.sort()))
      .toEqual(withBlurbs.map((r) => r.id).sort())
    await page.selectOption('#rule', '')

    // A histogram bar filters the table to its bin; the chip clears it.
    const bins = await page.$$eval('.bar[data-filter=grade]', (bars) =>
      bars.map((bar) => [bar.getAttribute('data-from'), bar.getAttribute('data-to')]),
    )
    const inBinOf = ([from, to]: Array<string | null>) =>
      records.filter((record) => {
        const grade = record.readability?.grade
        return typeof grade === 'number' && grade >= Number(from) && grade < Number(to)
      })
    // A closed bin (not the first or last, which are open-ended) with articles in it.
    const at = bins.findIndex((bin) => bin[0] !== '' && bin[1] !== '' && inBinOf(bin).length > 0)
    expect(at).toBeGreaterThan(0)
    const inBin = inBinOf(bins[at] ?? [])
    await page.locator('.bar[data-filter=grade]').nth(at).click()
    await expect
      .poll(() => shownIds(page).then((ids) => ids.sort()))
      .toEqual(inBin.map((r) => r.id).sort())
    await page.click('#range')
    await expect.poll(() => page.textContent('#shown')).toBe('5 of 5 articles')

    await page.check('#with-errors')
    await expect.poll(() => shownIds(page)).toEqual(['wire-broken'])
    await page.click('.row:not([hidden])')
    expect(await page.textContent('#a-note')).toMatch(/^Error: /)
    await page.click('#a-close')
    await page.uncheck('#with-errors')
    await page.fill('#search', 'ferries')
    await expect.poll(() => shownIds(page)).toEqual(['wire-ferry'])

    // The article: removal struck through and labelled, the reviewer's list, metadata.
    await page.click('.row:not([hidden])')
    await expect.poll(() => page.isVisible('#article')).toBe(true)
    const ferry = records.find((record) => record.id === 'wire-ferry')
    const blurb = ferry?.removed[0]?.text ?? 'missing'
    expect(await page.textContent('#a-text .del')).toBe(blurb)
    expect(await page.textContent('#a-text .tag')).toBe('hill-related-blurb')
    // The page rebuilds the original from the cleaned text and the edits: the input, exactly.
    const shown = await page.$$eval('#a-text > span:not(.tag)', (nodes) =>
      nodes.map((node) => node.textContent).join(''),
    )
    expect(shown).toBe(await inputText('wire-ferry'))
    expect(await page.textContent('#a-removals')).toContain(blurb)
    expect(await page.textContent('#a-facts')).toContain('readability.grade')
    // Each neutrality signal of the record is underlined, with its category and weight on hover.
    const titles = await page.$$eval('#a-text .sig', (nodes) => nodes.map((node) => node.title))
    const recorded = ferry?.neutrality?.signals ?? []
    expect(recorded.length).toBeGreaterThan(0)
    for (const signal of recorded) {
      const hover = `${signal.category} · weight ${signal.weight.toFixed(2)}`
      expect(
        titles.some((title) => title.includes(hover) && title.includes(`“${signal.text}”`)),
      ).toBe(true)
    }
    await page.screenshot({path: join(shots, 'report-article.png')})

    // Cleaned view: exactly the record's text. Diff view: the removal as a deletion.
    await page.click('[data-view=cleaned]')
    expect(await page.textContent('#a-text')).toBe(ferry?.text)
    expect(await page.$$('#a-text .del')).toHaveLength(0)
    await page.click('[data-view=diff]')
    expect(await page.getAttribute('[data-view=diff]', 'aria-pressed')).toBe('true')
    expect(await page.textContent('#a-text .del')).toBe(blurb)
    await page.screenshot({path: join(shots, 'report-diff.png')})

    // An article with normalisation changes shows them as deletions and insertions.
    await page.fill('#search', '')
    await expect.poll(() => page.textContent('#shown')).toBe('5 of 5 articles')
    await page.click('.head button[data-key=id]')
    await page.click('.row:not([hidden]) >> text=dredging-vote.txt')
    expect(await page.$$('#a-text .ins, #a-text .del')).not.toHaveLength(0)
    await page.screenshot({path: join(shots, 'report-diff-whitespace.png')})
    expect(problems).toEqual([])
    await page.close()
  })

  it('marks a removal wrong, exports the decisions, and reads them back', async () => {
    const page = await open(buildReport(records, {name: 'review'}), 'review.html')
    await page.fill('#search', 'ferries')
    await expect.poll(() => shownIds(page)).toEqual(['wire-ferry'])
    await page.click('.row:not([hidden])')
    await page.click('#a-removals button.review')
    expect(await page.textContent('#decision-count')).toBe('1 removal(s) marked wrong')
    expect(await page.textContent('#a-text .tag')).toContain('marked wrong')
    await page.screenshot({path: join(shots, 'report-review.png')})
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')])
    const path = join(folder, 'decisions.json')
    await download.saveAs(path)
    const decisions = parseSuppressions(await readFile(path, 'utf8'))
    const ferryIndex = records.findIndex((record) => record.id === 'wire-ferry')
    const expected = readArticle(records[ferryIndex], ferryIndex).detail.edits[0]
    expect(decisions.suppressions).toEqual([
      expect.objectContaining({
        fingerprint: expected?.fingerprint,
        id: 'wire-ferry',
        ruleId: 'hill-related-blurb',
        actual: expected?.before,
        decision: 'wrong',
      }),
    ])
    await page.close()

    // copydesk reads the file back: a new report opens with the decision made.
    const again = join(folder, 'again.html')
    expect(await reportCommand([runOut, '-o', again, '--suppressions', path])).toBe(0)
    const reopened = await open(await readFile(again, 'utf8'), 'again-copy.html')
    expect(await reopened.textContent('#decision-count')).toBe('1 removal(s) marked wrong')
    expect(problems).toEqual([])
    await reopened.close()
  })

  it('runs no code from article text, titles, ids, messages or links', async () => {
    const page = await open(
      buildReport([...records, hostileRecord], {name: 'hostile'}),
      'hostile.html',
    )
    await page.fill('#search', 'pwned = 4')
    await expect.poll(() => page.textContent('#shown')).toBe('1 of 6 articles')
    await page.click('.row:not([hidden])')
    const text = await page.textContent('#a-text')
    expect(text).toContain('<script>window.__pwned = "text"</script>')
    expect(text).toContain('</textarea><img src=x onerror=')
    expect(await page.textContent('#a-title')).toBe(hostileRecord.meta.title)
    expect(await page.$$('#a-link a')).toHaveLength(0)
    expect(await page.$$('img, svg:not(.chart svg), textarea')).toHaveLength(0)
    expect(await page.evaluate(() => (globalThis as {__pwned?: unknown}).__pwned)).toBeUndefined()
    expect(
      await page.$$eval('script', (nodes) => nodes.filter((node) => node.type === '').length),
    ).toBe(1)
    await page.screenshot({path: join(shots, 'report-hostile.png')})
    expect(problems).toEqual([])
    await page.close()
  })

  it('keeps 10,000 articles usable: a virtual table and articles read on demand', async () => {
    // Short articles (the fixture's three of about 30 words) keep the test quick; sizes scale with text.
    const many = Array.from({length: 10_000}, (_, at) => ({
      ...(records[1 + (at % 3)] as RunRecord),
      id: `bulk-${String(at).padStart(5, '0')}`,
    }))
    let started = performance.now()
    const html = buildReport(many, {name: 'bulk'})
    console.log(
      `10,000 articles: ${Math.round(performance.now() - started)} ms to build, ${(html.length / 1e6).toFixed(1)} MB`,
    )
    started = performance.now()
    const page = await open(html, 'bulk.html')
    await expect.poll(() => page.textContent('#shown')).toBe('10000 of 10000 articles')
    console.log(`10,000 articles: ${Math.round(performance.now() - started)} ms to open`)
    expect((await page.$$('.row')).length).toBeLessThan(60)
    await page.click('.head button[data-key=id]')
    await page.click('.head button[data-key=id]')
    expect((await shownIds(page))[0]).toBe('bulk-09999')
    await page.$eval('#viewport', (node) => {
      node.scrollTop = node.scrollHeight
    })
    await expect.poll(() => shownIds(page).then((ids) => ids.at(-1))).toBe('bulk-00000')
    // A click without scrolling: scrolling would re-render the pooled rows under the pointer.
    await page.locator('.row:not([hidden])', {hasText: 'bulk-00000'}).dispatchEvent('click')
    expect(await page.textContent('#a-id')).toBe('bulk-00000')
    await page.screenshot({path: join(shots, 'report-bulk.png')})
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})
