/**
 * Families of lint rules registered from lists: one row each, written the
 * same way. Boilerplate rules come from the plugin's own data file, so a new
 * pattern there is registered without touching lint.
 */
import boilerplateData from '../../plugins/data/boilerplate.json' with {type: 'json'}
import type {LintRule} from './rules.js'

interface BoilerplateRule {
  id: string
  publisher: string
  description: string
  example: string
  expected: string
  confidence: number
}

const boilerplate = boilerplateData as unknown as {rules: BoilerplateRule[]}

/** One rule per pattern of plugins/data/boilerplate.json (`remove-boilerplate`). */
export const boilerplateRules: LintRule[] = boilerplate.rules.map(
  (rule): LintRule => ({
    id: rule.id,
    source: 'remove-boilerplate',
    kind: 'artifact',
    finds: `Boilerplate: ${rule.description} (${rule.publisher}).`,
    example: rule.example.split('\n').find((line) => !rule.expected.includes(line)) ?? rule.example,
    // Only patterns their authors are sure of are removed without review.
    fixable: rule.confidence >= 0.9,
  }),
)

/** Characters `normalise-unicode` repairs; the invisible ones and NFC are safe to fix. */
export const unicodeRules: LintRule[] = [
  [
    'lone-surrogate',
    'half of a UTF-16 surrogate pair, left by bad slicing',
    true,
    'an emoji cut in half',
  ],
  ['soft-hyphen', 'a soft hyphen (invisible, breaks search)', true, 'news\u00ADpaper'],
  ['control-character', 'a control character in running text', true, 'vote\u0007d'],
  ['zero-width', 'a zero-width character (invisible)', true, 'pa\u200Brty'],
  ['no-break-space', 'a no-break space next to other whitespace', true, 'the\u00A0 vote'],
  ['ligature', 'a typographic ligature from a PDF', false, 'ﬁnance'],
  ['full-width', 'a full-width letter or digit', false, 'ＵＮ'],
  ['nfc', 'text not in Unicode normalisation form C', true, 'cafe\u0301'],
  ['nfkc', 'text not in Unicode normalisation form KC', false, '½'],
].map(
  ([id, what, fixable, example]): LintRule => ({
    id: String(id),
    source: 'normalise-unicode',
    kind: 'encoding',
    finds: `Unicode: ${what}.`,
    example: String(example),
    fixable: fixable === true,
  }),
)

/** House-style punctuation `normalise-punctuation` sets by policy: never fixed without review. */
export const punctuationRules: LintRule[] = [
  ['single-quote', 'a single quote or apostrophe in the other style than the policy', "it's"],
  ['double-quote', 'a double quote in the other style than the policy', '"yes"'],
  ['dash', 'a hyphen or dash where the policy wants another', 'pages 3-5'],
  ['ellipsis', 'an ellipsis in the other style than the policy', 'wait...'],
].map(
  ([id, what, example]): LintRule => ({
    id: id ?? '',
    source: 'normalise-punctuation',
    kind: 'punctuation',
    finds: `Punctuation: ${what}.`,
    example: example ?? '',
    fixable: false,
  }),
)

/** Mojibake kinds repaired by `repair-mojibake` (plugins/data/mojibake.json). */
export const mojibakeRules: LintRule[] = [
  ['utf8-punctuation-as-cp1252', 'UTF-8 punctuation read as Windows-1252', 'itâ€™s'],
  ['utf8-symbol-as-cp1252', 'a UTF-8 symbol read as Windows-1252', '5 Â°C'],
  ['utf8-emoji-as-cp1252', 'a UTF-8 emoji read as Windows-1252', 'ðŸ‘'],
  ['utf8-letter-as-cp1252', 'a UTF-8 accented letter read as Windows-1252', 'cafÃ©'],
  ['cp1251-as-latin1', 'Cyrillic Windows-1251 text read as Latin-1', 'Ìîñêâà'],
].map(
  ([id, what, example]): LintRule => ({
    id: id ?? '',
    source: 'repair-mojibake',
    kind: 'encoding',
    finds: `Mojibake: ${what}.`,
    example: example ?? '',
    fixable: false,
  }),
)
