/**
 * The cleaners' prefilters: cheap whole-text checks that prove a rule has
 * nothing to do. Each must be exact: a text it lets a rule skip is one the
 * rule finds nothing in. Proven here against the rules themselves, on texts
 * made of the rules' own examples, cut and mixed with other text.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import registry from '../plugins/data/boilerplate.json' with {type: 'json'}
import {findBoilerplate} from '../plugins/util/boilerplate-find.js'
import {mayMatch, needlesOf} from '../plugins/util/boilerplate-needles.js'
import {selectRules} from '../plugins/util/boilerplate-rules.js'
import {createsReference} from '../plugins/util/entities.js'
import {truncationPattern} from '../plugins/util/hill-blurbs.js'
import {findCyrillicMojibake, findUtf8Mojibake, mayHoldRepairs} from '../plugins/util/mojibake.js'
import {findCharacterEdits, findNormalisationEdits} from '../plugins/util/unicode-chars.js'
import {scanRatio} from './reliability/linear-scan.js'

const rules = selectRules(registry.rules, [], {})
const unfiltered = rules.map((compiled) => ({...compiled, needles: undefined}))

/** Bits of the rules' examples: whole ones, halves, and words from them. */
const exampleBits = registry.rules.flatMap(({example}) => [
  example,
  example.slice(0, example.length >> 1),
  example.slice(example.length >> 1),
  ...example.split(/(?<=\s)/),
])
const text = fc
  .array(fc.oneof(fc.constantFrom(...exampleBits), fc.string({maxLength: 8})), {maxLength: 25})
  .map((parts) => parts.join(''))

describe('boilerplate needles', () => {
  it('read the strings every match must hold off a rule', () => {
    expect(needlesOf(/^(?:Skip to (?:main )?content|Jump to content)$/u)).toEqual([
      'Skip to ',
      'Jump to ',
    ])
    // A lookbehind's text lies outside the match; the literal after it is needed.
    expect(needlesOf(/(?<=[.!?] {0,2})ADVERTISEMENT(?= [A-Z])/gu)).toEqual(['ADVERTIS'])
    expect(needlesOf(/(?:Photo|Image) (?:by|via) [A-Z]/u)).toEqual([
      'Photo by',
      'Photo via',
      'Image by',
      'Image via',
    ])
  })

  it('claim nothing where a match may hold no fixed text', () => {
    expect(needlesOf(/\d{2,4}[A-Z]\d{2,4}/u)).toBeUndefined()
    expect(needlesOf(/(?:Related|\p{Lu}+)\d/u)).toBeUndefined()
    // A single space is a needle, if a poor one.
    expect(needlesOf(/\d{2,4} \d{2,4}/u)).toEqual([' '])
    // `/i` also matches `ſ` for `s` and `K` for `k`: no needles at all.
    expect(needlesOf(/Skip to content/iu)).toBeUndefined()
    expect(needlesOf(/(?:Read more)?/u)).toBeUndefined()
  })

  it('skip a rule only on a text it finds nothing in', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const compiled of rules) {
          if (!mayMatch(input, compiled.needles, new Map())) {
            expect(findBoilerplate(input, [{...compiled, needles: undefined}])).toEqual([])
          }
        }
      }),
      {numRuns: 150, seed: 8},
    )
  })

  it('leave what all the rules find unchanged', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(findBoilerplate(input, rules)).toEqual(findBoilerplate(input, unfiltered))
      }),
      {numRuns: 200, seed: 8},
    )
  })
})

const mixed = fc
  .array(
    fc.oneof(
      fc.constantFrom('Ã©', 'Ã', '©', 'â€™', 'Ïðèâåò', 'Â', 'é', '&amp;', '&', 'amp;', '\u200b'),
      fc.string({maxLength: 6}),
      fc.string({unit: 'binary', maxLength: 4}),
    ),
    {maxLength: 20},
  )
  .map((parts) => parts.join(''))

describe('character prefilters', () => {
  it('mojibake: text without U+00C0-U+00FF has nothing to repair', () => {
    fc.assert(
      fc.property(mixed, (input) => {
        if (!mayHoldRepairs(input)) {
          expect(findUtf8Mojibake(input)).toEqual([])
          expect(findCyrillicMojibake(input)).toEqual([])
        }
      }),
      {numRuns: 400, seed: 8},
    )
  })

  it('truncation markers: every one holds `[+`', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('… ', '...', '[+', '[', '+', '12', ' chars]', 'x'), {
          maxLength: 12,
        }),
        (parts) => {
          const input = parts.join('')
          if (!input.includes('[+')) expect([...input.matchAll(truncationPattern)]).toEqual([])
        },
      ),
      {numRuns: 300, seed: 8},
    )
  })

  it('references: an edit with no `&` in reach makes none', () => {
    fc.assert(
      fc.property(
        mixed,
        fc.nat(),
        fc.nat({max: 4}),
        fc.constantFrom('', ' ', ';', '&'),
        (input, at, length, insert) => {
          const start = at % (input.length + 1)
          const end = Math.min(start + length, input.length)
          const made = createsReference(input, start, end, insert)
          // What the edit makes, searched directly: a reference crossing the cut.
          const after = input.slice(0, start) + insert + input.slice(end)
          const near = after.slice(Math.max(0, start - 40), start + insert.length + 40)
          if (!near.includes('&')) expect(made).toBe(false)
        },
      ),
      {numRuns: 400, seed: 8},
    )
  })

  it('unicode: plain ASCII, tabs and line breaks need no character or form edits', () => {
    const options = {
      form: 'NFKC',
      invisible: true,
      softHyphens: true,
      noBreakSpaces: 'all',
      ligatures: true,
      fullWidth: true,
    } as const
    fc.assert(
      fc.property(fc.string({unit: 'binary-ascii'}), (input) => {
        const plain = input.replace(/[^\x20-\x7e\t\n\r]/g, '')
        expect(findCharacterEdits(plain, options)).toEqual([])
        expect(findNormalisationEdits(input, 'NFKC')).toEqual([])
      }),
      {numRuns: 300, seed: 8},
    )
    // Characters after long ASCII runs are still found.
    const input = `${'a'.repeat(5000)}\u200b${'b'.repeat(5000)}\ufb01`
    expect(findCharacterEdits(input, options).map((edit) => edit.start)).toEqual([5000, 10_001])
  })

  it('scan ~1 MB of alternating ASCII and non-ASCII in linear time', () => {
    const options = {
      form: 'NFC',
      invisible: true,
      softHyphens: true,
      noBreakSpaces: 'keep',
      ligatures: true,
      fullWidth: false,
    } as const
    // About 1 MB: a native search per non-ASCII character, and a short
    // normalisation per run, both linear.
    const large = 'a\u00e9 '.repeat(350_000)
    const scan = () => {
      findCharacterEdits(large, options)
      findNormalisationEdits(large, 'NFC')
      mayHoldRepairs(large)
    }
    // As a ratio to a plain loop over the same input: linear work costs tens
    // to hundreds of such scans, quadratic work about a million.
    const ratio = scanRatio(large, scan, 3000)
    expect(ratio).toBeLessThan(3000)
  })
})
