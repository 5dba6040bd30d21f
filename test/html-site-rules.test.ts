/**
 * `plugins/data/site-rules.json`: provenance on the file, its sections and
 * every rule; unique ids; each rule's example matched by its own selectors
 * and read without the removed text.
 */
import type {AnyNode} from 'domhandler'
import {describe, expect, it} from 'vitest'
import {extractArticle} from '../pipeline/io/html.js'
import {loadHtml, textOf} from '../pipeline/io/html-dom.js'
import {rulesFor} from '../pipeline/io/html-site-rules.js'
import rules from '../plugins/data/site-rules.json' with {type: 'json'}

describe('site-rules.json', () => {
  it('says where it comes from, per file, per section and per rule', () => {
    expect(rules.description).not.toBe('')
    expect(rules.source).not.toBe('')
    for (const section of Object.values(rules.generic)) {
      expect(section.description).not.toBe('')
      expect(section.source).not.toBe('')
    }
    for (const rule of rules.hosts) {
      expect(rule.description).not.toBe('')
      expect(rule.source).not.toBe('')
    }
  })

  it('has unique rule ids and no empty lists', () => {
    const ids = rules.hosts.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(rules.generic.boilerplateClassWords.words.length).toBeGreaterThan(0)
    expect(rules.generic.boilerplatePhrases.phrases.length).toBeGreaterThan(0)
    expect(rules.generic.remove.tags).toContain('script')
  })

  for (const rule of rules.hosts) {
    it(`${rule.id}: its example is matched by its own selectors`, () => {
      const $ = loadHtml(rule.example)
      for (const selector of [...rule.remove, ...rule.keep]) {
        expect($(selector).length, selector).toBeGreaterThan(0)
      }
      const host = rule.hosts[0] as string
      expect(rulesFor(`www.${host}`).map((found) => found.id)).toContain(rule.id)
      const article = extractArticle(rule.example, {url: `https://${host}/story`})
      expect(article.removed.length).toBe($(rule.remove.join(', ')).length)
      for (const selector of rule.remove) {
        const removedText = textOf($(selector).get(0) as AnyNode)
        expect(article.text).not.toContain(removedText)
      }
    })
  }

  it('matches hosts exactly or as subdomains, never as substrings', () => {
    expect(rulesFor('thehill.com').map((rule) => rule.id)).toEqual(['thehill-hover-card'])
    expect(rulesFor('m.thehill.com').map((rule) => rule.id)).toEqual(['thehill-hover-card'])
    expect(rulesFor('notthehill.com')).toEqual([])
  })
})
