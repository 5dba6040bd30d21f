/**
 * End-to-end tests of lint configuration: every config format found upwards
 * from the linted file, presets, per-rule severity and options, and clear
 * errors (exit code 2) for configs that cannot be used.
 */
import {describe, expect, it} from 'vitest'
import {lint, lintJson, workspace} from './lint-support.js'

// A hover card (artifact), a loaded word (neutrality) and a double space (whitespace).
const story =
  'Sen. Ann ZuAnn Mei ZuZu backs port bill MORE (D-Wash.) called the plan a disaster.\n\nThe board   met on Monday.\n'

describe('lint config files', () => {
  const cwd = workspace({
    'none/story.txt': story,
    'json/.copydeskrc.json': '{"preset": "corpus"}\n',
    'json/a/b/story.txt': story,
    'yaml/.copydeskrc.yaml': '# for the dataset\npreset: corpus\n',
    'yaml/a/b/story.txt': story,
    'rc/.copydeskrc': 'preset: corpus\n',
    'rc/a/b/story.txt': story,
    'pkg/package.json': '{"name": "desk", "copydesk": {"preset": "corpus"}}\n',
    'pkg/a/b/story.txt': story,
    'strict/.copydeskrc.json': '{"preset": "strict"}\n',
    'strict/story.txt': story,
    'rules/.copydeskrc.yml': [
      'rules:',
      '  loaded-word: error',
      '  normalise-whitespace: "off"',
      '  hill-related-blurb: [warn, {minConfidence: 0.5}]',
      '',
    ].join('\n'),
    'rules/story.txt': story,
  })
  const {findings, code} = lintJson(['.'], {cwd})
  const summary = (folder: string): string[] =>
    findings
      .filter((finding) => finding.path.startsWith(`${folder}/`))
      .map((finding) => `${finding.ruleId}:${finding.severity}`)
      .sort()

  it('uses the recommended preset without a config', () => {
    expect(summary('none')).toEqual([
      'hill-related-blurb:error',
      'loaded-word:warning',
      'repeated-space:warning',
    ])
    expect(code).toBe(1)
  })

  it('finds .copydeskrc.json, .copydeskrc.yaml, .copydeskrc and package.json upwards, alike', () => {
    const corpus = ['hill-related-blurb:error', 'repeated-space:warning']
    for (const folder of ['json', 'yaml', 'rc', 'pkg']) expect(summary(folder)).toEqual(corpus)
  })

  it('applies presets and per-rule or per-plugin severities', () => {
    expect(summary('strict')).toEqual([
      'hill-related-blurb:error',
      'loaded-word:error',
      'repeated-space:error',
    ])
    expect(summary('rules')).toEqual(['hill-related-blurb:warning', 'loaded-word:error'])
  })
})

describe('lint config errors', () => {
  it('exit 2 with every problem named: unknown preset, rule ids, option types, keys', () => {
    const cwd = workspace({
      '.copydeskrc.json': JSON.stringify({
        preset: 'house',
        rules: {
          'loaded-wrd': 'warn',
          'loaded-word': ['warn', {ignoreQuoted: 'yes'}],
          'repeated-space': 'loud',
          'hill-related-blurb': ['error', {minConfidence: 2}],
        },
        colour: true,
      }),
      'story.txt': story,
    })
    const run = lint(['story.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('invalid config')
    expect(run.stderr).toContain('preset: expected one of recommended, newsroom, corpus, strict')
    expect(run.stderr).toContain('unknown rule id `loaded-wrd` (did you mean `loaded-word`?)')
    expect(run.stderr).toContain('rules.loaded-word[1].ignoreQuoted: expected true or false')
    expect(run.stderr).toContain('rules.repeated-space: expected "off", "warn", "error"')
    expect(run.stderr).toContain('rules.hill-related-blurb[1].minConfidence: expected a number')
    expect(run.stderr).toMatch(/colour/)
  })
})
