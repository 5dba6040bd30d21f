/**
 * Page script, part 1: the batch table. Plain browser JavaScript (no modules,
 * no template literals), kept as text so it can be inlined into the report.
 * Only `textContent` and `title` ever receive article text.
 */
export const tableScript = String.raw`
var ROW = 30
var report = readJson('copydesk-report')
var rows = report.rows
var details = []
var texts = []
var columns = [
  {key: 'id', label: 'Article'},
  {key: 'title', label: 'Title'},
  {key: 'words', label: 'Words', digits: 0},
  {key: 'grade', label: 'Grade', digits: 1},
  {key: 'neutrality', label: 'Neutrality', digits: 2},
  {key: 'removals', label: 'Removals', digits: 0},
  {key: 'errors', label: 'Errors', digits: 0}
]
var state = {key: 'index', dir: 1, query: '', rule: '', withRemovals: false, withErrors: false,
  hard: false, loaded: false, range: null, visible: rows.slice(), current: -1, view: 'original'}
var viewport = byId('viewport')
var spacer = byId('spacer')
var pool = []

function byId(id) { return document.getElementById(id) }
function readJson(id) { var node = byId(id); return node ? JSON.parse(node.textContent) : null }
function el(tag, className, text) {
  var node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined && text !== null) node.textContent = String(text)
  return node
}
function fmt(value, digits) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(digits)
}
function detailOf(index) {
  if (!details[index]) details[index] = withOriginal(readJson('copydesk-a-' + index))
  return details[index]
}
// The original text, as the report builder rebuilt and checked it: the cleaned text between
// edits, each edit's text as it stood (edits come sorted by their place in the original).
function withOriginal(detail) {
  if (detail.originalFrom === 'text') detail.original = detail.cleaned
  if (detail.originalFrom !== 'edits') return detail
  var parts = []
  var at = 0
  detail.edits.forEach(function (edit) {
    parts.push(detail.cleaned.slice(at, edit.cleaned[0]), edit.before)
    at = edit.cleaned[1]
  })
  parts.push(detail.cleaned.slice(at))
  detail.original = parts.join('')
  return detail
}
// The article text for search, read from its JSON block on first use only.
function textOf(index) {
  if (texts[index] === undefined) {
    var detail = details[index] || withOriginal(readJson('copydesk-a-' + index))
    texts[index] = (detail.cleaned + '\n' + (detail.original || '')).toLowerCase()
  }
  return texts[index]
}
function matches(row) {
  if (state.rule && row.rules.indexOf(state.rule) < 0) return false
  if (state.withRemovals && row.removals === 0) return false
  if (state.withErrors && row.errors === 0) return false
  if (state.hard && !(row.grade >= 12)) return false
  if (state.loaded && row.verdict !== 'loaded') return false
  if (state.range && !inRange(row[state.range.key], state.range)) return false
  if (!state.query) return true
  var query = state.query
  if (row.id.toLowerCase().indexOf(query) >= 0) return true
  if (row.title && row.title.toLowerCase().indexOf(query) >= 0) return true
  return textOf(row.index).indexOf(query) >= 0
}
// A histogram bin: open-ended at the first and last bins, like the counts.
function inRange(value, range) {
  if (value === null || value === undefined) return false
  return (range.from === '' || value >= Number(range.from)) && (range.to === '' || value < Number(range.to))
}
function setRange(bar) {
  var range = {key: bar.dataset.filter, from: bar.dataset.from, to: bar.dataset.to, label: bar.dataset.label}
  var same = state.range && state.range.label === range.label
  state.range = same ? null : range
  var chip = byId('range')
  chip.hidden = !state.range
  chip.textContent = state.range ? state.range.label + ' ✕' : ''
  refresh()
}
// Missing values sort last in both directions.
function compare(a, b) {
  var x = a[state.key]
  var y = b[state.key]
  if (x === y) return a.index - b.index
  if (x === null || x === undefined) return 1
  if (y === null || y === undefined) return -1
  var order = typeof x === 'string' ? x.localeCompare(y) : x - y
  return state.dir * order || a.index - b.index
}
function refresh() {
  state.visible = rows.filter(matches).sort(compare)
  spacer.style.height = state.visible.length * ROW + 'px'
  byId('shown').textContent = state.visible.length + ' of ' + rows.length + ' articles'
  viewport.scrollTop = 0
  renderRows()
}
function renderRows() {
  var first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - 4)
  var count = Math.ceil((viewport.clientHeight || 420) / ROW) + 8
  while (pool.length < count) {
    var node = el('div', 'row grid')
    node.setAttribute('role', 'row')
    node.tabIndex = 0
    for (var c = 0; c < columns.length; c++) {
      var cell = el('div', 'cell' + (columns[c].digits === undefined ? '' : ' num'))
      cell.setAttribute('role', 'cell')
      node.appendChild(cell)
    }
    node.addEventListener('click', onRowOpen)
    node.addEventListener('keydown', function (event) { if (event.key === 'Enter') onRowOpen(event) })
    spacer.appendChild(node)
    pool.push(node)
  }
  for (var i = 0; i < pool.length; i++) {
    var row = state.visible[first + i]
    var item = pool[i]
    item.hidden = !row
    if (!row) continue
    item.style.top = (first + i) * ROW + 'px'
    item.dataset.index = String(row.index)
    item.classList.toggle('current', row.index === state.current)
    for (var j = 0; j < columns.length; j++) {
      var column = columns[j]
      var value = row[column.key]
      var text = column.digits === undefined ? value || '' : fmt(value, column.digits)
      item.children[j].textContent = text
      item.children[j].title = column.digits === undefined ? text : ''
    }
    item.children[6].classList.toggle('err', row.errors > 0)
  }
}
function onRowOpen(event) { openArticle(Number(event.currentTarget.dataset.index)) }
function setSort(key) {
  state.dir = state.key === key ? -state.dir : 1
  state.key = key
  var buttons = document.querySelectorAll('.head button')
  for (var i = 0; i < buttons.length; i++) {
    var on = buttons[i].dataset.key === key
    buttons[i].setAttribute('aria-sort', on ? (state.dir > 0 ? 'ascending' : 'descending') : 'none')
  }
  refresh()
}
function setupTable() {
  var head = byId('head')
  columns.forEach(function (column) {
    var button = el('button', '', column.label)
    button.type = 'button'
    button.dataset.key = column.key
    button.setAttribute('aria-sort', 'none')
    button.addEventListener('click', function () { setSort(column.key) })
    var cell = el('div')
    cell.setAttribute('role', 'columnheader')
    cell.appendChild(button)
    head.appendChild(cell)
  })
  var timer = 0
  byId('search').addEventListener('input', function (event) {
    clearTimeout(timer)
    var value = event.target.value.trim().toLowerCase()
    timer = setTimeout(function () { state.query = value; refresh() }, 120)
  })
  byId('rule').addEventListener('change', function (event) { state.rule = event.target.value; refresh() })
  var bars = document.querySelectorAll('.bar')
  for (var b = 0; b < bars.length; b++) {
    bars[b].addEventListener('click', function (event) { setRange(event.currentTarget) })
  }
  byId('range').addEventListener('click', function () {
    state.range = null
    byId('range').hidden = true
    refresh()
  })
  ;[['with-removals', 'withRemovals'], ['with-errors', 'withErrors'], ['hard', 'hard'], ['loaded', 'loaded']].forEach(function (pair) {
    byId(pair[0]).addEventListener('change', function (event) { state[pair[1]] = event.target.checked; refresh() })
  })
  viewport.addEventListener('scroll', function () { requestAnimationFrame(renderRows) })
  refresh()
}
`
