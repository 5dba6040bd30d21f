/**
 * The QA report: one self-contained HTML page for a batch of records. No
 * network: styles, script, data and charts are all inline. Article text never
 * enters the markup as HTML: it travels as `<`-free JSON in
 * `<script type="application/json">` blocks (one per article, parsed only when
 * the article is opened or searched) and the page script writes it with
 * `textContent`. A Content-Security-Policy that allows only the page's own
 * script and style (by hash) stands behind that.
 */
import {createHash} from 'node:crypto'
import {type ArticleDetail, type ReportArticle, readArticle} from './article.js'
import {articleScript} from './client-article.js'
import {reviewScript} from './client-review.js'
import {tableScript} from './client-table.js'
import {escapeHtml, jsonForScript} from './escape.js'
import {binsFor, histogramSvg} from './histogram.js'
import {styles} from './styles.js'
import type {Suppression} from './suppressions.js'

export interface ReportOptions {
  /** Name of the batch, shown in the title (default `copydesk run`). */
  name?: string | undefined
  /** Review decisions to show as already made (from `--suppressions`). */
  decisions?: readonly Suppression[] | undefined
  /** When the report was made, as shown (default: now). */
  generated?: string | undefined
}

const pageScript = `(function () {\n'use strict'\n${tableScript}${articleScript}${reviewScript}
setupTable()
setupArticle()
setupReview()
})()\n`

const hash = (text: string): string => createHash('sha256').update(text).digest('base64')
const policy =
  `default-src 'none'; script-src 'sha256-${hash(pageScript)}'; ` +
  `style-src 'sha256-${hash(styles)}'; img-src data:; base-uri 'none'; form-action 'none'`

function totalsHtml(articles: readonly ReportArticle[], decisions: number): string {
  const byRule = new Map<string, {count: number; characters: number}>()
  let changes = 0
  for (const {detail} of articles) {
    for (const edit of detail.edits) {
      if (edit.kind === 'changed') {
        changes++
        continue
      }
      const entry = byRule.get(edit.ruleId) ?? {count: 0, characters: 0}
      entry.count++
      entry.characters += edit.before.length
      byRule.set(edit.ruleId, entry)
    }
  }
  const errors = articles.filter((article) => article.detail.error !== null).length
  const removed = articles.reduce((sum, article) => sum + article.row.removals, 0)
  const warnings = articles.reduce((sum, article) => sum + article.row.warnings, 0)
  const total = (label: string, value: number, id = ''): string =>
    `<div class="total"${id ? ` id="${id}"` : ''}><b>${value}</b>${label}</div>`
  const rules = [...byRule]
    .sort((a, b) => b[1].count - a[1].count)
    .map(
      ([rule, entry]) =>
        `<tr><td>${escapeHtml(rule)}</td><td class="num">${entry.count}</td>` +
        `<td class="num">${entry.characters} chars</td></tr>`,
    )
    .join('')
  return (
    `<div class="totals">${total('articles', articles.length, 'total-articles')}` +
    `${total('errors', errors, 'total-errors')}${total('removed spans', removed, 'total-removed')}` +
    `${total('normalisation changes', changes)}${total('warnings', warnings)}` +
    `${decisions > 0 ? total('decisions read back', decisions) : ''}</div>` +
    (rules
      ? `<table class="rules" aria-label="Removed spans by rule"><tbody>${rules}</tbody></table>`
      : '<p class="note">No spans removed.</p>')
  )
}

function chartsHtml(articles: readonly ReportArticle[]): string {
  const grades = articles.flatMap((article) =>
    article.row.grade === null ? [] : [article.row.grade],
  )
  const scores = articles.flatMap((article) =>
    article.row.neutrality === null ? [] : [article.row.neutrality],
  )
  const records = articles.filter((article) => article.detail.error === null).length
  const scoreBins = binsFor(scores, 'score')
  return (
    histogramSvg(grades, records - grades.length, {
      title: 'Readability grade',
      filter: 'grade',
      bins: binsFor(grades, 'grade'),
      digits: 0,
    }) +
    (scores.length === 0
      ? '<p class="note">No neutrality scores in these records.</p>'
      : histogramSvg(scores, records - scores.length, {
          title: 'Neutrality score (100 = fully neutral)',
          filter: 'neutrality',
          bins: scoreBins,
          digits: scoreBins.width < 1 ? 1 : 0,
        }))
  )
}

/** The detail as the page gets it: without an original text the page can rebuild itself. */
function forPage(detail: ArticleDetail): ArticleDetail {
  return detail.originalFrom === 'record' ? detail : {...detail, original: null}
}

/** Build the report page for `records` (parsed JSONL values, any copydesk version). */
export function buildReport(records: readonly unknown[], options: ReportOptions = {}): string {
  const name = options.name ?? 'copydesk run'
  const articles = records.map((record, index) => readArticle(record, index))
  const rules = [...new Set(articles.flatMap((article) => article.row.rules))].sort()
  const decisions = options.decisions ?? []
  const key = createHash('sha256')
    .update(JSON.stringify(articles.map((article) => article.row)))
    .digest('hex')
    .slice(0, 16)
  const payload = {name, key, rows: articles.map((article) => article.row), decisions}
  const details = articles
    .map(
      (article, index) =>
        `<script type="application/json" id="copydesk-a-${index}">${jsonForScript(forPage(article.detail))}</script>`,
    )
    .join('\n')
  const generated = options.generated ?? new Date().toISOString()
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>copydesk QA report: ${escapeHtml(name)}</title>
<style>${styles}</style>
</head>
<body>
<header><h1>copydesk QA report</h1>
<p class="sub">${escapeHtml(name)} · ${articles.length} article(s) · made ${escapeHtml(generated)}</p></header>
<main>
<section class="card" aria-labelledby="totals-title"><h2 id="totals-title">Totals</h2>${totalsHtml(articles, decisions.length)}</section>
<section class="card" aria-labelledby="charts-title"><h2 id="charts-title">Distributions</h2><div class="charts">${chartsHtml(articles)}</div></section>
<section class="card" aria-labelledby="table-title"><h2 id="table-title">Articles</h2>
<div class="controls">
<input type="search" id="search" placeholder="Search id, title and text" aria-label="Search articles">
<select id="rule" aria-label="Only articles with removals by rule"><option value="">any rule</option>${rules
    .map((rule) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)}</option>`)
    .join('')}</select>
<label><input type="checkbox" id="with-removals"> with removals</label>
<label><input type="checkbox" id="with-errors"> with errors</label>
<label><input type="checkbox" id="hard"> grade 12 or more</label>
<label><input type="checkbox" id="loaded"> sounds loaded</label>
<button type="button" id="range" hidden title="Click to show every grade and score again"></button>
<span class="note" id="shown" aria-live="polite"></span>
</div>
<div role="table" aria-label="Articles"><div class="grid head" id="head" role="row"></div>
<div class="viewport" id="viewport"><div class="spacer" id="spacer" role="rowgroup"></div></div></div>
</section>
</main>
<aside id="article" hidden aria-labelledby="a-title">
<div class="article-head"><h2 id="a-title"></h2><span>
<button type="button" id="a-prev">Previous</button> <button type="button" id="a-next">Next</button>
<button type="button" id="a-close">Close</button></span></div>
<p class="note"><span id="a-id"></span> <span id="a-link"></span></p>
<div class="toolbar" role="group" aria-label="Text view">
<button type="button" data-view="original" aria-pressed="true">Original</button>
<button type="button" data-view="cleaned" aria-pressed="false">Cleaned</button>
<button type="button" data-view="diff" aria-pressed="false">Diff</button>
<span class="legend"><span class="del">removed</span><span class="chg">normalised</span><span class="ins">inserted</span><span class="sig">neutrality signal</span><span class="s2">hard sentence</span></span>
</div>
<p class="note" id="a-note"></p>
<div class="text" id="a-text"></div>
<div class="side">
<div><h2>Removals</h2><p class="note" id="a-removals-count"></p><ul id="a-removals"></ul></div>
<div><h2>Record</h2><dl class="facts" id="a-facts"></dl><h2>Messages</h2><ul id="a-messages"></ul></div>
</div>
</aside>
<div class="reviewbar"><span id="decision-count"></span>
<button type="button" id="export">Export decisions (JSON)</button>
<span class="note">Read back with <code>copydesk report RUN --suppressions copydesk-decisions.json</code></span></div>
<script type="application/json" id="copydesk-report">${jsonForScript(payload)}</script>
${details}
<script>${pageScript}</script>
</body>
</html>
`
}
