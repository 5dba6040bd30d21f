/**
 * The artifact cleaners through the library API: boilerplate options pass
 * through `clean()`, and a dry run lists every removal and changes nothing.
 */
import {describe, expect, it} from 'vitest'
import {type BoilerplateRule, clean} from '../pipeline/index.js'

const article =
  'Rep. Will HartWilliam Ross HartHart retires from House MORE (R-Ohio) spoke first.\n\nADVERTISEMENT\n\nThe hearing ran late.'

describe('artifact cleaners in clean()', () => {
  it('removes cards and boilerplate by default', () => {
    expect(clean(article, {score: false}).text).toBe(
      'Rep. Will Hart (R-Ohio) spoke first.\n\nThe hearing ran late.',
    )
  })

  it('passes boilerplate switches through', () => {
    const record = clean(article, {
      score: false,
      boilerplate: {rules: {'advertisement-marker': false}},
    })
    expect(record.text).toBe(
      'Rep. Will Hart (R-Ohio) spoke first.\n\nADVERTISEMENT\n\nThe hearing ran late.',
    )
    // The default pipeline is not changed by another caller's options.
    expect(clean(article, {score: false}).text).not.toContain('ADVERTISEMENT')
  })

  it('passes user rules through', () => {
    const rule: BoilerplateRule = {
      id: 'hearing-note',
      publisher: 'Daily Ledger',
      kind: 'line',
      description: 'hearing note',
      pattern: 'The hearing ran late\\.',
      confidence: 0.9,
      example: 'The hearing ran late.',
      expected: '',
      source: 'a test rule',
    }
    const record = clean(article, {score: false, boilerplate: {extraRules: [rule]}})
    expect(record.text).toBe('Rep. Will Hart (R-Ohio) spoke first.')
    expect(record.removed.map((removal) => removal.ruleId)).toContain('hearing-note')
  })

  it('lists removals in a dry run and returns the input', () => {
    const record = clean(article, {score: false, dryRun: true})
    expect(record.text).toBe(article)
    expect(record.removed.map((removal) => [removal.source, removal.ruleId])).toEqual([
      ['remove-hill-blurbs', 'hill-related-blurb'],
      ['remove-boilerplate', 'advertisement-marker'],
    ])
    for (const removal of record.removed) {
      expect(article.slice(removal.start, removal.end)).toBe(removal.text)
      expect(removal.confidence).toBeGreaterThan(0.9)
    }
  })
})
