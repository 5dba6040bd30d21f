/**
 * Page script, part 2: the article view, built only when an article is
 * opened. The text is cut at every span boundary (edits, sentences, neutrality
 * signals) and each piece becomes a text node inside a classed span.
 */
export const articleScript = String.raw`
function gradeClass(sentence) {
  var grade = sentence.grade
  var level = grade === null ? 0 : grade >= 16 ? 3 : grade >= 12 ? 2 : grade >= 9 ? 1 : 0
  if (sentence.hard && level < 2) level = 2
  return 's' + level
}
// Whitespace-only edits would be invisible, so show their characters.
function visible(text) {
  if (/\S/.test(text)) return text
  return text.replace(/\r/g, '').replace(/ /g, '·').replace(/\t/g, '→').replace(/\u00a0/g, '⍽')
    .replace(/\n/g, '↵\n')
}
function spansFor(detail, view) {
  var key = view === 'cleaned' ? 'cleaned' : 'original'
  var list = []
  detail.edits.forEach(function (edit) {
    if (!edit[key] || (view === 'cleaned' && edit.kind === 'removed')) return
    list.push({type: 'edit', at: edit[key], edit: edit})
  })
  if (view === 'diff') return list
  detail.sentences.forEach(function (sentence) {
    if (sentence[key]) list.push({type: 'sentence', at: sentence[key], sentence: sentence})
  })
  detail.signals.forEach(function (signal) {
    if (signal[key]) list.push({type: 'signal', at: signal[key], signal: signal})
  })
  return list
}
function tagFor(edit) {
  var wrong = decisions.has(edit.fingerprint)
  var tag = el('span', 'tag' + (wrong ? ' wrong' : ''), edit.ruleId + (wrong ? ' · marked wrong' : ''))
  tag.title = edit.source + ':' + edit.ruleId
  return tag
}
// A change as deleted and inserted text, without the part both sides share.
function appendChangeDiff(box, edit) {
  var before = edit.before
  var after = edit.after
  var head = 0
  var tail = 0
  while (head < before.length && head < after.length && before[head] === after[head]) head++
  while (tail < before.length - head && tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  box.appendChild(document.createTextNode(before.slice(0, head)))
  var note = edit.source + ':' + edit.ruleId
  if (before.length - tail > head) {
    var removed = el('span', 'del', visible(before.slice(head, before.length - tail)))
    removed.title = 'Deleted by ' + note
    box.appendChild(removed)
  }
  if (after.length - tail > head) {
    var inserted = el('span', 'ins', visible(after.slice(head, after.length - tail)))
    inserted.title = 'Inserted by ' + note
    box.appendChild(inserted)
  }
  box.appendChild(document.createTextNode(before.slice(before.length - tail)))
}
function paint(box, text, list, view) {
  var cuts = [0, text.length]
  list.forEach(function (span) { cuts.push(span.at[0], span.at[1]) })
  cuts = cuts.filter(function (at) { return at >= 0 && at <= text.length })
    .sort(function (a, b) { return a - b })
    .filter(function (at, i, all) { return i === 0 || at !== all[i - 1] })
  for (var k = 0; k + 1 < cuts.length; k++) {
    var from = cuts[k]
    var to = cuts[k + 1]
    var classes = []
    var notes = []
    var edit = null
    list.forEach(function (span) {
      if (span.at[0] > from || span.at[1] < to || span.at[0] === span.at[1]) return
      if (span.type === 'sentence') {
        classes.push(gradeClass(span.sentence))
        notes.push('Sentence grade ' + fmt(span.sentence.grade, 1) +
          (span.sentence.why.length ? ': ' + span.sentence.why.join('; ') : '') +
          (span.sentence.neutrality === null ? '' : ' · neutrality ' + fmt(span.sentence.neutrality, 1)))
      } else if (span.type === 'signal') {
        // Negative weights (neutral attribution) pull towards neutral: shown apart from loaded words.
        classes.push(span.signal.weight !== null && span.signal.weight < 0 ? 'sig sig-neutral' : 'sig')
        notes.push(span.signal.category + ' · weight ' + fmt(span.signal.weight, 2) +
          (span.signal.quoted ? ' · inside a quotation' : '') + ' · “' + span.signal.text + '”' +
          (span.signal.alternative === null ? ''
            : span.signal.alternative === '' ? ' → drop it' : ' → “' + span.signal.alternative + '”'))
      } else {
        edit = span.edit
      }
    })
    if (edit && edit.kind === 'removed') {
      if (edit.original[0] === from && view !== 'cleaned') box.appendChild(tagFor(edit))
      classes.push('del')
      if (decisions.has(edit.fingerprint)) classes.push('wrong')
      notes.push('Removed by ' + edit.source + ':' + edit.ruleId +
        (edit.confidence === null ? '' : ' (confidence ' + fmt(edit.confidence, 2) + ')'))
    } else if (edit && view === 'diff') {
      appendChangeDiff(box, edit)
      continue
    } else if (edit) {
      classes.push('chg')
      notes.push(edit.source + ':' + edit.ruleId + (view === 'cleaned'
        ? ' · was “' + visible(edit.before) + '”' : ' · becomes “' + visible(edit.after) + '”'))
    }
    var piece = text.slice(from, to)
    // The cleaned view shows the text exactly as written; the others make edited whitespace visible.
    var node = el('span', classes.join(' '), edit && view !== 'cleaned' ? visible(piece) : piece)
    if (notes.length) node.title = notes.join('\n')
    box.appendChild(node)
  }
}
function renderText() {
  var detail = detailOf(state.current)
  var box = byId('a-text')
  box.textContent = ''
  var view = state.view
  var text = view === 'cleaned' || detail.original === null ? detail.cleaned : detail.original
  if (view !== 'cleaned' && detail.original === null) view = 'cleaned'
  byId('a-note').textContent = detail.error ? 'Error: ' + detail.error
    : state.view === 'cleaned' ? 'Cleaned text, as copydesk wrote it.'
    : view === 'diff' ? 'Changes against the original text, ' + detail.originalNote + '.'
    : view === state.view ? 'Original text, ' + detail.originalNote + '.'
    : 'Showing the cleaned text: ' + detail.originalNote + '.'
  paint(box, text, spansFor(detail, view), view)
  var buttons = document.querySelectorAll('[data-view]')
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].setAttribute('aria-pressed', String(buttons[i].dataset.view === state.view))
  }
}
function renderSide() {
  var detail = detailOf(state.current)
  var list = byId('a-removals')
  list.textContent = ''
  var removals = detail.edits.filter(function (edit) { return edit.kind === 'removed' })
  byId('a-removals-count').textContent = removals.length + ' removal(s), ' +
    (detail.edits.length - removals.length) + ' normalisation change(s)'
  removals.forEach(function (edit) {
    var item = el('li')
    item.appendChild(tagFor(edit))
    item.appendChild(document.createTextNode(edit.confidence === null ? '' : ' confidence ' + fmt(edit.confidence, 2) + ' '))
    var button = el('button', 'review', decisions.has(edit.fingerprint) ? 'Marked wrong (undo)' : 'Mark wrong')
    button.type = 'button'
    button.setAttribute('aria-pressed', String(decisions.has(edit.fingerprint)))
    button.addEventListener('click', function () { toggleDecision(state.current, edit) })
    item.appendChild(button)
    item.appendChild(el('span', 'removal-text', edit.before.length > 240 ? edit.before.slice(0, 240) + '…' : edit.before))
    list.appendChild(item)
  })
  var facts = byId('a-facts')
  facts.textContent = ''
  detail.facts.forEach(function (fact) {
    facts.appendChild(el('dt', '', fact[0]))
    facts.appendChild(el('dd', '', fact[1]))
  })
  var messages = byId('a-messages')
  messages.textContent = ''
  detail.messages.slice(0, 300).forEach(function (message) {
    var item = el('li', 'sev-' + message.severity)
    item.textContent = message.severity + ' ' + (message.line === null ? '' : message.line + ':' + message.column + ' ') +
      (message.source || '') + ':' + (message.ruleId || '') + ' ' + message.reason
    messages.appendChild(item)
  })
}
function openArticle(index) {
  state.current = index
  var row = rows[index]
  var detail = detailOf(index)
  byId('article').hidden = false
  byId('a-title').textContent = row.title || row.id
  byId('a-id').textContent = row.id
  var link = byId('a-link')
  link.textContent = ''
  if (detail.url && /^https?:\/\//i.test(detail.url)) {
    var anchor = el('a', '', detail.url)
    anchor.href = detail.url
    anchor.rel = 'noopener noreferrer'
    link.appendChild(anchor)
  }
  renderText()
  renderSide()
  renderRows()
  byId('article').scrollTop = 0
}
function step(by) {
  var at = state.visible.findIndex(function (row) { return row.index === state.current })
  var next = state.visible[at + by]
  if (next) openArticle(next.index)
}
function setupArticle() {
  var buttons = document.querySelectorAll('[data-view]')
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function (event) {
      state.view = event.currentTarget.dataset.view
      renderText()
    })
  }
  byId('a-close').addEventListener('click', function () { byId('article').hidden = true })
  byId('a-prev').addEventListener('click', function () { step(-1) })
  byId('a-next').addEventListener('click', function () { step(1) })
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') byId('article').hidden = true
  })
}
`
