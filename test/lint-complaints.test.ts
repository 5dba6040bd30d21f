/**
 * The complaints editors make about Vale, textlint and alex, each answered
 * with an end-to-end test: quoted speech by option, abbreviations and long
 * sentences, whole-term accept lists, markdown code and URLs. (Annotation
 * caps: see lint-report.test.ts, "never hides findings silently".)
 */
import {describe, expect, it} from 'vitest'
import {lintJson, workspace} from './lint-support.js'

// A long, hard sentence that is almost all a quote, then the writer's own voice.
const quoted =
  '“We believe the administration’s extraordinarily complicated reorganisation proposal fundamentally undermines institutional accountability, transparency and longstanding constitutional responsibilities,” the committee chairwoman said on Tuesday.\n\nWe believe you should read it!\n'

// Short sentences full of abbreviations that a naive splitter glues together.
const abbreviations =
  'Sen. J. R. Roe met Gov. A. B. Lee at 9 a.m. on Jan. 5. They spoke for an hour. Dr. Kim of the U.S. Dept. of Energy joined at 10 a.m. on Fri. They agreed on a plan. The vote is set for Feb. 2 at 3 p.m. in Washington, D.C. Both sides expect it to pass.\n'

const accepted =
  'The plan was a disaster. The outcome was disastrous. The mayor slammed the council. Critics slam the budget.\n'

const codeAndUrls = [
  'See https://example.org/corrupt-disaster-plan  for the   record.',
  '',
  'Type `the  notoriously   corrupt plan` into the search box.',
  '',
  '```',
  'Sen. Alan PikeAlan Roy PikeSenate passes ferry bill MORE (R-Ore.)',
  'a disgraceful   disaster',
  '```',
  '',
  '<https://example.org/disaster>',
  '',
].join('\n')

const cwd = workspace({
  'own/story.txt': quoted,
  'newsroom/.copydeskrc.json': '{"preset": "newsroom"}\n',
  'newsroom/story.txt': quoted,
  'option/.copydeskrc.json': '{"rules": {"readability": ["warn", {"ignoreQuoted": true}]}}\n',
  'option/story.txt': quoted,
  'abbreviations/story.txt': abbreviations,
  'accept/.copydeskrc.yaml': 'accept:\n  - disaster\n  - slam\n  - AI\n',
  'accept/story.txt': accepted,
  'code/guide.md': codeAndUrls,
})
const {findings} = lintJson(['.'], {cwd})
const rulesIn = (path: string): string[] =>
  findings
    .filter((finding) => finding.path === path)
    .map((finding) => `${finding.ruleId}@${finding.line}`)

describe('complaints', () => {
  it('findings in quoted speech are reported by default and skipped by option', () => {
    expect(rulesIn('own/story.txt')).toContain('readability@1')
    expect(rulesIn('option/story.txt')).not.toContain('readability@1')
    expect(rulesIn('option/story.txt')).toContain('hard-sentence@1') // only the rule configured
    const newsroom = rulesIn('newsroom/story.txt')
    expect(newsroom.filter((rule) => rule.endsWith('@1'))).toEqual([])
    // The writer's own words are still checked.
    expect(newsroom).toContain('personal-voice@3')
    expect(newsroom).toContain('exclamation@3')
  })

  it('abbreviations do not produce false long-sentence findings', () => {
    const hard = findings.filter(
      (finding) =>
        finding.path === 'abbreviations/story.txt' &&
        (finding.ruleId === 'readability' || finding.ruleId === 'hard-sentence'),
    )
    expect(hard).toEqual([])
    // The rule does fire on a sentence that really is long and hard (own/story.txt).
    expect(rulesIn('own/story.txt')).toContain('hard-sentence@1')
  })

  it('accept lists match whole terms only', () => {
    const actual = findings
      .filter((finding) => finding.path === 'accept/story.txt')
      .map((finding) => finding.actual)
    expect(actual).not.toContain('disaster')
    expect(actual).not.toContain('slam')
    // Longer words that contain an accepted term are still reported.
    expect(actual).toContain('disastrous')
    expect(actual).toContain('slammed')
  })

  it('markdown code blocks, inline code and URLs are never linted', () => {
    expect(rulesIn('code/guide.md')).toEqual(['repeated-space@1'])
    const spaced = findings.find((finding) => finding.path === 'code/guide.md')
    // "the   record", not the gap after the URL.
    expect(spaced?.column).toBe(codeAndUrls.indexOf('   record') + 1)
  })
})
