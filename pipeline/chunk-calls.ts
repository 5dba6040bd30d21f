/**
 * The normalisers' changes and messages of the parts of a long text, put in
 * the order one run on the whole text gives them. A normaliser records its
 * changes with `recordChanges` (plugins/util/changes.ts), one call a pass:
 * each call's changes in text order, then its messages rule by rule (one a
 * change, or one summary with the count when a rule fires often). A part shows
 * only the calls that changed something in it, so its calls are matched to the
 * calls of the whole run: by their rules (normalise-unicode's character pass,
 * then composition) or else by their order (repair-mojibake's repeat passes).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {visible} from '../plugins/util/changes.js'
import type {Change} from '../plugins/util/data-map.js'
import {severityOf} from './record.js'

/** One `recordChanges` call of one part: its changes and the messages it made. */
export interface Call {
  readonly source: string
  readonly changes: readonly Change[]
  readonly messages: readonly VFileMessage[]
}

/**
 * A rule that fires more often than this gets one summary message instead of
 * one a change: the default `messagesPerRule` of `recordChanges`.
 */
const messagesPerRule = 10

/**
 * Watch `file.data.changes`: `recordChanges` sets it once a call that changes
 * something, just before it reports that call's messages. `take()` gives the
 * calls since the last take, each with its messages, and starts afresh.
 */
export function traceCalls(file: VFile): {take: () => Call[]} {
  let current: Change[] = []
  let marks: Array<{changes: Change[]; from: number}> = []
  Object.defineProperty(file.data, 'changes', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: Change[]) => {
      marks.push({changes: value.slice(current.length), from: file.messages.length})
      current = value
    },
  })
  return {
    take: () => {
      const calls = marks.map(({changes, from}, index) => {
        const source = changes[0]?.source ?? ''
        const rules = new Set(changes.map((change) => change.ruleId))
        const until = marks[index + 1]?.from ?? file.messages.length
        const messages: VFileMessage[] = []
        for (let at = from; at < until; at++) {
          const message = file.messages[at]
          const ours =
            message?.source === source &&
            rules.has(message.ruleId ?? '') &&
            severityOf(message) === 'info'
          if (!message || !ours) break
          messages.push(message)
        }
        return {source, changes, messages}
      })
      marks = []
      current = []
      return calls
    },
  }
}

/** Slots of the whole run's calls of one plugin, and the part calls in each. */
function slotsOf(perPart: readonly (readonly Call[])[]): Call[][] {
  const longest = perPart.reduce((a, b) => (b.length > a.length ? b : a), [])
  const rules = longest.map((call) => new Set(call.changes.map((change) => change.ruleId)))
  const slots: Call[][] = longest.map(() => [])
  for (const calls of perPart) {
    let slot = -1
    calls.forEach((call, index) => {
      const left = calls.length - index
      // The first later slot that shares a rule and leaves room for the rest, else the next.
      let chosen = slot + 1
      for (let candidate = slot + 1; candidate <= rules.length - left; candidate++) {
        if (call.changes.some((change) => rules[candidate]?.has(change.ruleId))) {
          chosen = candidate
          break
        }
      }
      slot = Math.min(chosen, slots.length - 1)
      slots[slot]?.push(call)
    })
  }
  return slots
}

/**
 * Every part's calls of one plugin (`perPart`, parts in text order) as the
 * whole run makes them: the changes, and the messages with summaries counted
 * over all parts.
 */
export function mergeCalls(perPart: readonly (readonly Call[])[]): {
  changes: Change[]
  messages: VFileMessage[]
} {
  const changes: Change[] = []
  const messages: VFileMessage[] = []
  for (const slot of slotsOf(perPart)) {
    for (const call of slot) changes.push(...call.changes)
    const rules: string[] = []
    for (const call of slot)
      for (const change of call.changes)
        if (!rules.includes(change.ruleId)) rules.push(change.ruleId)
    for (const rule of rules) messages.push(...summarise(slot, rule))
  }
  return {changes, messages}
}

/**
 * One rule's messages of the calls in one slot: one a change, or one summary
 * (the first change, with the total) when the rule fired more than
 * `messagesPerRule` times or some part summarised it.
 */
function summarise(slot: readonly Call[], rule: string): VFileMessage[] {
  const messages: VFileMessage[] = []
  let total = 0
  let summarised = false
  let first: {count: number; change: Change} | undefined
  for (const call of slot) {
    const changes = call.changes.filter((change) => change.ruleId === rule)
    const shown = call.messages.filter((message) => message.ruleId === rule)
    const change = changes[0]
    if (!change) continue
    if (shown.length === 1 && shown[0]?.reason.includes(`(${changes.length}×`)) summarised = true
    first ??= {count: changes.length, change}
    total += changes.length
    messages.push(...shown)
  }
  const head = messages[0]
  if (!head || !first || (!summarised && total <= messagesPerRule)) return messages
  const reason = head.reason.includes(`(${first.count}×`)
    ? head.reason.replace(`(${first.count}×`, `(${total}×`)
    : withCount(head.reason, first.change, total)
  head.reason = reason
  head.message = reason
  return [head]
}

/** A one-change message's reason with the count `recordChanges` puts in a summary. */
function withCount(reason: string, change: Change, total: number): string {
  const suffix = `, expected \`${visible(change.after)}\``
  if (!reason.endsWith(suffix)) return reason
  return `${reason.slice(0, -suffix.length)} (${total}×, all in the record's changes)${suffix}`
}
