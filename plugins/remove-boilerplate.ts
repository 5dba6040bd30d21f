import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import registry from './data/boilerplate.json' with {type: 'json'}
import {findBoilerplate} from './util/boilerplate-find.js'
import {type Rule, selectRules} from './util/boilerplate-rules.js'
import {type Finding, removeFindings} from './util/remove.js'
import {TextView} from './util/text-view.js'

export type {Rule} from './util/boilerplate-rules.js'

export interface Options {
  /**
   * Switch registry rules on (`true`) or off (`false`) by id
   * (default: `{}`, every rule as the registry says).
   */
  readonly rules?: Readonly<Record<string, boolean>> | null | undefined
  /** More rules, in the registry's format (default: `[]`). */
  readonly extraRules?: readonly Rule[] | null | undefined
}

export const source = 'remove-boilerplate'

/**
 * Remove publisher boilerplate that sits inside the article text: ad markers,
 * link lines, promos, photo credits and captions, embedded-tweet tails,
 * syndication footers, wire codes. The rules are data
 * (`plugins/data/boilerplate.json`); users switch them by id and add their own.
 */
const removeBoilerplate: Plugin<[(Readonly<Options> | null | undefined)?], Root> = (options) => {
  // Compiled once: a bad user rule fails here, before any file is touched.
  const rules = selectRules(registry.rules, options?.extraRules ?? [], options?.rules ?? {})
  return (tree, file) => {
    if (rules.length === 0) return
    const view = new TextView(tree)
    const findings: Finding[] = findBoilerplate(view.text, rules).map((span) => ({
      start: span.start,
      end: span.end,
      ruleId: span.rule.id,
      confidence: span.rule.confidence,
      label: span.rule.description,
      note: `${span.rule.publisher}: ${span.rule.source}`,
    }))
    removeFindings(file, view, source, findings)
  }
}

export default removeBoilerplate
