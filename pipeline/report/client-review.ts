/**
 * Page script, part 3: review decisions. A reviewer marks removals as wrong;
 * the decisions are kept in the page (and in localStorage, when the browser
 * allows it, so a reload loses nothing) and exported as the suppressions file
 * described in README.md (QA report → Decisions file).
 */
export const reviewScript = String.raw`
var decisions = new Map()
var storageKey = 'copydesk-report:' + report.key
;(report.decisions || []).forEach(function (decision) { decisions.set(decision.fingerprint, decision) })
try {
  JSON.parse(localStorage.getItem(storageKey) || '[]').forEach(function (decision) {
    decisions.set(decision.fingerprint, decision)
  })
} catch (error) { /* storage is off for this page: decisions live until it closes */ }

function saveDecisions() {
  try { localStorage.setItem(storageKey, JSON.stringify(Array.from(decisions.values()))) } catch (error) { /* see above */ }
  byId('decision-count').textContent = decisions.size + ' removal(s) marked wrong'
  byId('export').disabled = decisions.size === 0
}
function toggleDecision(index, edit) {
  if (decisions.has(edit.fingerprint)) decisions.delete(edit.fingerprint)
  else {
    var decision = {fingerprint: edit.fingerprint, id: rows[index].id, ruleId: edit.ruleId,
      source: edit.source, actual: edit.before, decision: 'wrong'}
    if (edit.original) { decision.start = edit.original[0]; decision.end = edit.original[1] }
    decisions.set(edit.fingerprint, decision)
  }
  saveDecisions()
  renderText()
  renderSide()
}
function exportDecisions() {
  var file = {version: 1, tool: 'copydesk-report', created: new Date().toISOString(),
    report: report.name, suppressions: Array.from(decisions.values())}
  var blob = new Blob([JSON.stringify(file, null, 2) + '\n'], {type: 'application/json'})
  var anchor = document.createElement('a')
  anchor.href = URL.createObjectURL(blob)
  anchor.download = 'copydesk-decisions.json'
  document.body.appendChild(anchor)
  anchor.click()
  setTimeout(function () { URL.revokeObjectURL(anchor.href); anchor.remove() }, 1000)
}
function setupReview() {
  byId('export').addEventListener('click', exportDecisions)
  saveDecisions()
}
`
