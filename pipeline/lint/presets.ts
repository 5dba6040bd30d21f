/**
 * The lint presets. Each sets a severity per rule kind (so a rule registered
 * later gets its kind's severity), then overrides single rules. They have the
 * same shape as a user's `rules` object.
 */
import type {RuleKind} from './rules.js'

export type Severity = 'off' | 'warn' | 'error'

/** Options every rule accepts in a config (`["warn", {…}]`). */
export interface RuleOptions {
  /** Skip findings entirely inside quoted speech: a speaker’s words are not the writer’s. */
  ignoreQuoted?: boolean | undefined
  /** Skip findings whose confidence is below this (0 to 1). */
  minConfidence?: number | undefined
}

export type RuleSetting = Severity | readonly [Severity] | readonly [Severity, RuleOptions]

export interface Preset {
  /** Why the preset exists: who it is for. */
  readonly description: string
  readonly kinds: Readonly<Record<RuleKind, RuleSetting>>
  readonly rules: Readonly<Record<string, RuleSetting>>
}

export const presetNames = ['recommended', 'newsroom', 'corpus', 'strict'] as const
export type PresetName = (typeof presetNames)[number]

export const presets: Readonly<Record<PresetName, Preset>> = {
  recommended: {
    description: 'The default: debris fails, style is advice.',
    kinds: {
      artifact: 'error', // scraped debris must never reach readers
      whitespace: 'warn', // harmless to read, but a sign of a sloppy paste; --fix tidies it
      encoding: 'error', // `&amp;` and `â€™` are visible damage
      punctuation: 'off', // quote and dash style is a house choice, not an error
      readability: 'warn', // hard sentences are a judgement call
      neutrality: 'warn', // loaded words need a human decision, never a failure
      'neutrality-signal': 'off', // single intensifiers or doubt words are normal English
      input: 'error', // undecodable bytes mean the text is damaged
    },
    rules: {},
  },
  newsroom: {
    description: 'Copy editing before publication: the writer’s voice is checked, quotes are not.',
    kinds: {
      artifact: 'error', // a hover card in published copy is an embarrassment
      whitespace: 'warn', // the CMS collapses most of it; still worth a fix
      encoding: 'error', // mojibake in a headline is visible
      punctuation: 'warn', // the house style sheet applies to published copy
      readability: ['warn', {ignoreQuoted: true}], // a quoted speaker’s long sentence is theirs
      neutrality: ['warn', {ignoreQuoted: true}], // reporting loaded words someone said is fine
      'neutrality-signal': ['warn', {ignoreQuoted: true}], // editors want to see hedges in own copy
      input: 'error',
    },
    rules: {
      'personal-voice': ['error', {ignoreQuoted: true}], // "we" and "you" break news register
      exclamation: ['error', {ignoreQuoted: true}], // never in a news writer's own sentences
    },
  },
  corpus: {
    description: 'Preparing scraped text for a dataset: only damage matters, never style.',
    kinds: {
      artifact: 'error', // debris pollutes training and evaluation data
      whitespace: 'warn', // tidied by `copydesk clean` anyway
      encoding: 'error', // mojibake corrupts tokens
      punctuation: 'off', // the source's typography is data, not a mistake
      readability: 'off', // the corpus is other people's writing: style is not ours to judge
      neutrality: 'off', // same: bias is measured, not linted, in a corpus
      'neutrality-signal': 'off',
      input: 'error',
    },
    rules: {
      'newsapi-truncation': 'warn', // a partial record is still usable; flag it, don't fail
    },
  },
  strict: {
    description: 'Everything on, everything fails: for copy that must be spotless.',
    kinds: {
      artifact: 'error',
      whitespace: 'error',
      encoding: 'error',
      punctuation: 'error',
      readability: 'error',
      neutrality: 'error',
      'neutrality-signal': 'error',
      input: 'error',
    },
    rules: {},
  },
}
