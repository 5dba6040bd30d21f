/**
 * The lint rule registry: every rule id the pipeline's plugins report, with
 * what it finds, an example, and whether `copydesk lint --fix` may apply it.
 *
 * Plugin owners: when a plugin reports a new `ruleId`, add a row here (the
 * README table is generated from this list, and `test/lint-rules.test.ts`
 * fails for a rule id the pipeline reports without a row). A rule that is not
 * registered still shows up in `copydesk lint` as a warning; registering it
 * lets configs name it and gives it its kind's severity in every preset.
 */

import {boilerplateRules, mojibakeRules, punctuationRules, unicodeRules} from './rules-families.js'

/** What a rule is about; presets set a severity per kind. */
export type RuleKind =
  | 'artifact' // scraped debris a cleaner removes
  | 'whitespace' // spacing a normaliser tidies
  | 'encoding' // entities, mojibake and invisible characters a normaliser repairs
  | 'punctuation' // quotes, dashes and ellipses set by house policy
  | 'readability' // hard sentences
  | 'neutrality' // loaded language, strong signals
  | 'neutrality-signal' // weak signals: fine alone, telling in numbers
  | 'input' // problems reading the input

export interface LintRule {
  /** The message `ruleId`. */
  readonly id: string
  /** The plugin reporting it (the message `source`). */
  readonly source: string
  readonly kind: RuleKind
  /** What the rule finds, one sentence. */
  readonly finds: string
  /** A short input that triggers the rule (written for copydesk). */
  readonly example: string
  /** True when `--fix` may apply the rule's suggestion without review. */
  readonly fixable: boolean
}

const artifact = (id: string, source: string, finds: string, example: string): LintRule => ({
  id,
  source,
  kind: 'artifact',
  finds,
  example,
  fixable: true,
})

const whitespace = (id: string, finds: string, example: string): LintRule => ({
  id,
  source: 'normalise-whitespace',
  kind: 'whitespace',
  finds,
  example,
  fixable: true,
})

const neutrality = (
  id: string,
  kind: 'neutrality' | 'neutrality-signal',
  finds: string,
  example: string,
): LintRule => ({id, source: 'score-neutrality', kind, finds, example, fixable: false})

/** Every registered rule, in README order. */
export const lintRules: readonly LintRule[] = [
  artifact(
    'hill-related-blurb',
    'remove-hill-blurbs',
    "A related-link hover card glued after a name, closed by `MORE` (The Hill's scraped pages).",
    'Sen. Ann ZuAnn Mei ZuZu backs port bill MORE (D-Wash.) spoke',
  ),
  artifact(
    'hill-related-blurb-truncated',
    'remove-hill-blurbs',
    'A hover card cut off by a NewsAPI truncation marker instead of `MORE`.',
    'Mayor Bo KimBo Kim Kim opens … [+880 chars]',
  ),
  {
    ...artifact(
      'newsapi-truncation',
      'remove-truncation-markers',
      'A NewsAPI truncation marker: the record is partial.',
      'The council met on Tuesday… [+2301 chars]',
    ),
    // Deleting a marker would hide that the record is partial: a person decides.
    fixable: false,
  },
  ...boilerplateRules,
  whitespace(
    'trailing-whitespace',
    'Spaces, tabs or no-break spaces at the end of a line.',
    'said.␠␠⏎',
  ),
  whitespace(
    'extra-blank-lines',
    'More blank lines between paragraphs than allowed.',
    'one.⏎⏎⏎⏎two.',
  ),
  whitespace('leading-blank-lines', 'Blank lines before the first paragraph.', '⏎⏎The vote…'),
  whitespace(
    'repeated-space',
    'A run of spaces between words (often a removal’s gap).',
    'the␠␠␠vote',
  ),
  whitespace(
    'space-before-punctuation',
    'A space before a comma, full stop or other closing punctuation.',
    'the vote , she said',
  ),
  {
    ...whitespace(
      'joined-line',
      'A line break inside a sentence, from a hard-wrapped scrape.',
      'the⏎vote',
    ),
    fixable: false,
  },
  ...unicodeRules,
  ...punctuationRules,
  {
    id: 'double-encoded-reference',
    source: 'decode-entities',
    kind: 'encoding',
    finds: 'An HTML entity encoded twice, shown as text.',
    example: 'Q&amp;amp;A',
    fixable: false,
  },
  {
    id: 'named-reference',
    source: 'decode-entities',
    kind: 'encoding',
    finds: 'A named HTML entity left in the text.',
    example: 'Q&amp;A',
    fixable: false,
  },
  {
    id: 'numeric-reference',
    source: 'decode-entities',
    kind: 'encoding',
    finds: 'A numeric character reference left in the text.',
    example: 'it&#8217;s',
    fixable: false,
  },
  ...mojibakeRules,
  {
    id: 'readability',
    source: 'retext-readability',
    kind: 'readability',
    finds: 'A sentence most readability formulas rate above the target age (18).',
    example: 'A 40-word sentence of long, abstract, many-syllabled words.',
    fixable: false,
  },
  {
    id: 'hard-sentence',
    source: 'score-readability',
    kind: 'readability',
    finds: 'A sentence above the hard grade (`hardGrade`, default 12), with why.',
    example: 'A sentence of 30 words and many three-syllable words.',
    fixable: false,
  },
  neutrality(
    'loaded-word',
    'neutrality',
    'A strongly subjective word.',
    'the notoriously corrupt plan',
  ),
  neutrality('loaded-label', 'neutrality', 'A one-sided label for a group or side.', 'the regime'),
  neutrality(
    'loaded-attribution',
    'neutrality',
    'A verb of saying that judges the speaker.',
    'the mayor admitted',
  ),
  neutrality(
    'presupposing-attribution',
    'neutrality',
    'A verb of saying that presupposes the claim is true or false.',
    'he claimed',
  ),
  neutrality('vague-source', 'neutrality', 'An unnamed, vague source.', 'critics say'),
  neutrality('personal-voice', 'neutrality', 'First or second person in news copy.', 'we think'),
  neutrality(
    'scare-quote',
    'neutrality',
    'Quotes around one word to distance from it.',
    'the "reform"',
  ),
  neutrality('exclamation', 'neutrality', 'An exclamation mark in running text.', 'It passed!'),
  neutrality(
    'rhetorical-question',
    'neutrality',
    'A question in running text, outside quotes.',
    'Who pays for it?',
  ),
  neutrality(
    'framing-verb',
    'neutrality',
    'A verb that frames an action as good or bad.',
    'the council rammed through the bill',
  ),
  neutrality('intensifier', 'neutrality-signal', 'An intensifying adverb.', 'extremely large'),
  neutrality('doubt-marker', 'neutrality-signal', 'A word casting doubt.', 'allegedly'),
  neutrality('certainty-marker', 'neutrality-signal', 'A word asserting certainty.', 'clearly'),
  {
    id: 'decode',
    source: 'copydesk',
    kind: 'input',
    finds: 'Input bytes that are not valid UTF-8 (replaced with U+FFFD).',
    example: 'a Latin-1 file',
    fixable: false,
  },
]

const byId = new Map(lintRules.map((rule) => [rule.id, rule]))

/** The registered rule with this id, if any. */
export function ruleById(id: string): LintRule | undefined {
  return byId.get(id)
}

/** Every plugin name that reports registered rules (configs may name a whole plugin). */
export const ruleSources: ReadonlySet<string> = new Set(lintRules.map((rule) => rule.source))

/** The README table of every rule, generated from the registry. */
export function rulesTable(): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|')
  // Plugins with a README section of their own (not retext-readability, not the reader).
  const options = (rule: LintRule): string =>
    rule.source.startsWith('retext-') || rule.source === 'copydesk'
      ? 'common'
      : `common; plugin: [${rule.source}](#${rule.source})`
  const rows = lintRules.map(
    (rule) =>
      `| \`${rule.id}\` | \`${rule.source}\` | ${rule.kind} | ${cell(rule.finds)} | \`${cell(rule.example)}\` | ${options(rule)} | ${rule.fixable ? 'yes' : 'no'} |`,
  )
  return [
    '| id | plugin | kind | finds | example | options | fixable |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}
