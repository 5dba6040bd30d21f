/**
 * Every pattern the artifact cleaners run on input must be linear-time. Each
 * finder gets about 1 MB of adversarial text (runs of capitals, `MORE MORE`,
 * unclosed parentheses, half-built cards and captions, thousands of lines)
 * and must finish far inside a generous bound; a backtracking blow-up on this
 * much text would take minutes.
 */
import {describe, expect, it} from 'vitest'
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import hill from '../plugins/data/remove-hill-blurbs.json' with {type: 'json'}
import {findBoilerplate} from '../plugins/util/boilerplate-find.js'
import {selectRules} from '../plugins/util/boilerplate-rules.js'
import {findBlurbs, truncationPattern} from '../plugins/util/hill-blurbs.js'

const size = 1_000_000
const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)

const adversarial: Record<string, string> = {
  capitals: fill('A'),
  'MORE MORE': fill('MORE '),
  'glued MORE': fill('MOREMORE'),
  'unclosed parentheses': fill('('),
  'parenthesised capitals': fill('(A '),
  'lower-upper glue': fill('aA'),
  'glued names': fill('Rob FieldRob Field'),
  'spaced names': fill('Ab Ab '),
  'suffix glue': fill('Ab Jr.Ab '),
  nicknames: fill('Ab (Cd '),
  'half cards, MORE at the end': `${fill('Ann LeeAnn Lee Lee wins ').slice(0, size - 5)} MORE`,
  'truncation look-alikes': fill('… [+12 chars '),
  dots: fill('a.'),
  spaces: fill(' '),
  'blank lines': fill(' \n'),
  'caption starts': fill('Image copyright a Image caption b '),
  'photo credits': fill('(AP Photo/'),
  'pipes and agencies': fill('A. | b/Getty Images '),
  'publisher repeats': fill('Fox News '),
  'link lines': fill('Read more x coverage here\n'),
  'attribution lines': fill('— a (@b) May 1, 2020\n'),
  'tweet links': fill('pic.twitter.com/abcd '),
  'headline lines': fill('A headline for another story\n\n'),
  'title repeats': fill('Same title here again\n\n'),
  'accented letters': fill('éé '),
  'carriage returns': fill('\r'),
  'capitals between carriage returns': fill('A\r'),
  'long lines between carriage returns': fill(`${'Ab. | c/Getty Images '.repeat(20)}\r`),
  'unclosed shortcodes': fill('[captiona'),
  'caption words': fill(' Image caption n'),
}

const rules = selectRules(registry.rules, [], {})
const blurbOptions = {...hill}

// Far above the time of a linear scan of 1 MB (tens of milliseconds), far
// below that of any quadratic backtracking on it.
const bound = 5_000

describe('artifact finders on 1 MB of adversarial text', () => {
  for (const [name, text] of Object.entries(adversarial)) {
    it(name, () => {
      const started = performance.now()
      findBlurbs(text, blurbOptions)
      Array.from(text.matchAll(truncationPattern))
      findBoilerplate(text, rules)
      expect(performance.now() - started).toBeLessThan(bound)
    })
  }
})
