import type {Root} from 'nlcst'
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import data from '../plugins/data/neutrality-lexicon.json' with {type: 'json'}
import weights from '../plugins/data/neutrality-weights.json' with {type: 'json'}
import {defaultLexicon, documentSignals} from '../plugins/util/neutrality-document.js'
import {categories} from '../plugins/util/neutrality-lexicon.js'

describe('neutrality data files', () => {
  it('say where they come from, file and entry', () => {
    for (const file of [data, weights]) {
      expect(file.description).toBeTruthy()
      expect(file.source).toBeTruthy()
    }
    const ids = data.entries.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const entry of data.entries) {
      expect(entry.description, entry.id).toBeTruthy()
      expect(entry.source, entry.id).toBeTruthy()
      expect(categories as readonly string[]).toContain(entry.id)
      expect((entry.terms ?? []).length + (entry.suffix ? 1 : 0), entry.id).toBeGreaterThan(0)
    }
  })

  it('match each entry example with its own category', () => {
    const parser = retext()
    for (const entry of data.entries) {
      const found = documentSignals(
        parser.parse(entry.example) as Root,
        defaultLexicon(),
        entry.example,
      )
        .flatMap((sentence) => sentence.signals)
        .map((signal) => signal.category)
      expect(found, entry.example).toContain(entry.id)
    }
  })

  it('ship a fitted weight for every category and a note of how', () => {
    for (const category of categories)
      expect(typeof (weights.weights as Record<string, number>)[category]).toBe('number')
    expect(weights.note).toMatch(/fit-neutrality/)
    expect(weights.threshold).toBeGreaterThan(0)
    expect(weights.threshold).toBeLessThan(100)
  })
})
