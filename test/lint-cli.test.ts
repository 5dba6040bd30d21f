/**
 * End-to-end tests of `copydesk lint`: formats, exit codes, --fix, the ignore
 * file, inline comments and baselines, each on files written here.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixture, lint, lintJson, workspace} from './lint-support.js'

const draft = fixture('draft.txt')
const guide = fixture('guide.md.txt')
const page = fixture('page.html.txt')
const records = fixture('records.jsonl.txt')
const calm = 'The harbor board will vote on the new timetable next week.\n'

describe('copydesk lint: formats', () => {
  const cwd = workspace({
    'draft.txt': draft,
    'guide.md': guide,
    'page.html': page,
    'records.jsonl': records,
    'bad.jsonl': '{"id": 1\n',
  })
  const {code, findings, stderr} = lintJson(['.'], {cwd})
  const ofFile = (path: string) => findings.filter((finding) => finding.path === path)

  it('lints a text file: the blurb is an error with its fix, positions in the file', () => {
    const blurb = ofFile('draft.txt').find((finding) => finding.ruleId === 'hill-related-blurb')
    expect(blurb).toMatchObject({severity: 'error', line: 1, column: 18})
    expect(blurb?.actual).toBe('Maria Adaeze OkaforLagos port deal stalls MORE')
    expect(draft.slice(blurb?.fix?.start, blurb?.fix?.end)).toBe(blurb?.actual)
  })

  it('lints markdown prose only: code, inline code and URLs are never linted', () => {
    const guideFindings = ofFile('guide.md')
    // Line 3: a URL followed by two spaces; 5: inline code; 7-12: fenced and indented code.
    for (const line of [3, 5, 7, 8, 9, 10, 11, 12]) {
      expect(guideFindings.filter((f) => f.line === line && f.ruleId !== 'personal-voice')).toEqual(
        [],
      )
    }
    expect(guideFindings.some((f) => f.ruleId === 'hill-related-blurb')).toBe(false)
    expect(guideFindings.find((f) => f.line === 14)?.ruleId).toBe('repeated-space')
  })

  it('lints HTML text, not scripts, styles, <pre> or indentation', () => {
    expect(ofFile('page.html').map((f) => [f.ruleId, f.line])).toEqual([['hill-related-blurb', 7]])
  })

  it('lints JSONL record by record, pointing at the line; a bad line is an input error', () => {
    expect(ofFile('records.jsonl')).toHaveLength(1)
    expect(ofFile('records.jsonl')[0]).toMatchObject({
      ruleId: 'hill-related-blurb',
      line: 2,
      // The column of the card inside the JSON string on that line.
      column: (records.split('\n')[1] ?? '').indexOf('Lin Ho') + 1,
      record: 'ferry-2',
    })
    expect(stderr).toContain('bad.jsonl:1: not JSON')
    expect(code).toBe(2)
  })

  it('lints stdin, with --stdin-filename choosing the format', () => {
    const input = [
      '```',
      'Rep. Ed MoeEd Bo MoeMoe visits port MORE (R-Ky.)',
      '```',
      '',
      'Rep. Ed MoeEd Bo MoeMoe visits port MORE (R-Ky.) spoke.',
      '',
    ].join('\n')
    const markdown = lintJson(['--stdin-filename', 'note.md'], {cwd, input})
    expect(markdown.findings.map((f) => [f.path, f.ruleId, f.line])).toEqual([
      ['note.md', 'hill-related-blurb', 5],
    ])
  })
})

describe('copydesk lint: exit codes', () => {
  const cwd = workspace({
    'calm.txt': calm,
    'spaced.txt': 'The board   met on Monday.\n',
    'both.txt': draft,
  })

  it('0 when clean, warnings only fail with --frail or over --max-warnings', () => {
    expect(lint(['calm.txt', 'spaced.txt'], {cwd}).code).toBe(0)
    expect(lint(['spaced.txt', '--frail'], {cwd}).code).toBe(1)
    const over = lint(['spaced.txt', '--max-warnings', '0'], {cwd})
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('more than --max-warnings 0')
  })

  it('2 on input errors (a missing path)', () => {
    const missing = lint(['missing.txt'], {cwd})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('No such file or folder: missing.txt')
  })

  it('1 on errors; the pretty report; --quiet shows errors only', () => {
    const quiet = lint(['both.txt', '--quiet'], {cwd})
    // file, line:column-line:column, severity, reason with the fix, rule
    expect(quiet.stderr).toContain('both.txt')
    expect(quiet.stderr).toMatch(/1:18-1:64\s+error\s+.*\(fix: delete\)\s+hill-related-blurb/)
    expect(quiet.stderr).not.toContain('trailing-whitespace')
    expect(quiet.code).toBe(1)
  })
})

describe('copydesk lint --fix', () => {
  it('removes artifacts and tidies whitespace in place, says what changed, leaves the rest', () => {
    const cwd = workspace({'draft.txt': draft, 'guide.md': guide})
    const run = lint(['--fix', 'draft.txt', 'guide.md'], {cwd})
    expect(run.stderr).toMatch(/fixed 2 finding\(s\) in draft\.txt \(.*hill-related-blurb 1/)
    expect(run.stderr).toMatch(/fixed 1 finding\(s\) in guide\.md \(repeated-space 1\)/)
    const fixed = readFileSync(join(cwd, 'draft.txt'), 'utf8')
    expect(fixed).toBe(
      'Gov. Maria Okafor (I-Maine) told reporters on Friday that the ferry schedule would change in spring.\n\nThe harbor board will vote on the new timetable next week.\n',
    )
    const markdown = readFileSync(join(cwd, 'guide.md'), 'utf8')
    // Only the prose changed: code keeps its spacing and the card inside the code block.
    expect(markdown).toBe(guide.replace('harbor   board', 'harbor board'))
    // What is left after fixing is reported, and no longer fails.
    expect(run.stderr).not.toContain('hill-related-blurb  ')
    expect(run.code).toBe(0)
  })
})

describe('copydesk lint: suppressions', () => {
  it('skips what the ignore file (gitignore syntax) lists', () => {
    const cwd = workspace({
      'copy/story.txt': draft,
      'copy/archive/old.txt': draft,
      '.copydeskignore': 'archive/\n',
    })
    const {findings} = lintJson(['copy'], {cwd})
    expect(new Set(findings.map((finding) => finding.path))).toEqual(new Set(['copy/story.txt']))
  })

  it('honours copydesk-disable / copydesk-enable comments in markdown and HTML', () => {
    const markdown = [
      'The plan was a disaster.',
      '',
      '<!-- copydesk-disable loaded-word -->',
      '',
      'The second plan was a disaster too.',
      '',
      '<!-- copydesk-enable loaded-word -->',
      '',
      'The third plan was a disaster as well.',
      '',
    ].join('\n')
    const html =
      '<p>The plan was a disaster.</p>\n<!-- copydesk-disable -->\n<p>The board   met.</p>\n<!-- copydesk-enable -->\n<p>The vote was a disaster.</p>\n'
    const cwd = workspace({'a.md': markdown, 'b.html': html})
    const {findings} = lintJson(['a.md', 'b.html'], {cwd})
    expect(findings.filter((f) => f.path === 'a.md').map((f) => [f.ruleId, f.line])).toEqual([
      ['loaded-word', 1],
      ['loaded-word', 9],
    ])
    expect(findings.filter((f) => f.path === 'b.html').map((f) => f.line)).toEqual([1, 5])
  })

  it('a baseline accepts current findings by fingerprint; only new ones are reported', () => {
    const cwd = workspace({'story.txt': draft})
    const write = lint(['story.txt', '--baseline', 'lint-baseline.json', '--update-baseline'], {
      cwd,
    })
    expect(write.code).toBe(0)
    expect(write.stderr).toContain('wrote 2 finding(s) to baseline')
    const accepted = lintJson(['story.txt', '--baseline', 'lint-baseline.json'], {cwd})
    expect(accepted.code).toBe(0)
    expect(accepted.findings).toEqual([])
    // Shift everything down two lines and add a new card: the old findings keep their fingerprints.
    const card = 'Rep. Ed MoeEd Bo MoeMoe visits port MORE (R-Ky.) spoke first.\n\n'
    writeFileSync(join(cwd, 'story.txt'), card + draft)
    const fresh = lintJson(['story.txt', '--baseline', 'lint-baseline.json'], {cwd})
    expect(fresh.code).toBe(1)
    expect(fresh.findings.map((f) => [f.ruleId, f.line, f.actual])).toEqual([
      ['hill-related-blurb', 1, 'Ed Bo MoeMoe visits port MORE'],
    ])
  })
})

describe('copydesk lint: files as they are on disk', () => {
  it('refuses a named pipe with a usage error instead of waiting on it', () => {
    const root = workspace({'story.md': 'Rates rose.\n'})
    expect(spawnSync('mkfifo', [join(root, 'pipe.md')]).status).toBe(0)
    const result = lint(['pipe.md'], {cwd: root})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Not a file or folder: pipe\.md/)
  })

  it('lints a CRLF file as its text: no trailing white space at every line, offsets in the file', () => {
    const lines = [
      'Rates rose on Tuesday.',
      '',
      'Sen. Joe DaleJoseph Dale Jr.Senate panel delays vote MORE said the  plan was sound.',
    ]
    const text = `${lines.join('\r\n')}\r\n`
    const root = workspace({'story.txt': text})
    const {findings} = lintJson(['story.txt'], {cwd: root})
    expect(findings.map((finding) => finding.ruleId).sort()).toEqual([
      'hill-related-blurb',
      'repeated-space',
    ])
    for (const finding of findings) {
      expect(finding.line).toBe(3)
      expect(text.slice(finding.fix?.start, finding.fix?.end)).toBe(finding.actual)
    }
  })

  it('says so when --fix leaves a file it could not read as UTF-8', () => {
    const root = workspace({})
    const latin = Buffer.from('Rates rose.  The café shut.\n', 'latin1')
    writeFileSync(join(root, 'story.txt'), latin)
    const result = lint(['--fix', 'story.txt'], {cwd: root})
    expect(result.stderr).toMatch(
      /story\.txt: not fixed: --fix rewrites only files it reads as UTF-8/,
    )
    expect(readFileSync(join(root, 'story.txt'))).toEqual(latin)
  })

  it('fixes the file a link points to, keeping the link, and keeps a file private', () => {
    const root = workspace({
      'drafts/story.md': 'Rates rose.  The board met.\n',
      'private.md': 'The  vote was close.\n',
    })
    symlinkSync(join('drafts', 'story.md'), join(root, 'story.md'))
    chmodSync(join(root, 'private.md'), 0o600)
    const result = lint(['--fix', 'story.md', 'private.md'], {cwd: root})
    expect(result.code).toBe(0)
    expect(lstatSync(join(root, 'story.md')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(root, 'drafts', 'story.md'), 'utf8')).toBe(
      'Rates rose. The board met.\n',
    )
    expect(readFileSync(join(root, 'private.md'), 'utf8')).toBe('The vote was close.\n')
    expect(statSync(join(root, 'private.md')).mode & 0o777).toBe(0o600)
  })

  it('fixes a CRLF file and writes it back with CRLF line ends', () => {
    const root = workspace({'story.md': 'Rates rose.\r\nThe  board met.\r\nIt voted.\r\n'})
    const result = lint(['--fix', 'story.md'], {cwd: root})
    expect(result.code).toBe(0)
    // Only the double space was a finding: the CRs are the file's line ends.
    expect(result.stderr).toMatch(/fixed 1 finding\(s\) in story\.md \(repeated-space 1\)/)
    expect(readFileSync(join(root, 'story.md'), 'utf8')).toBe(
      'Rates rose.\r\nThe board met.\r\nIt voted.\r\n',
    )
  })
})
