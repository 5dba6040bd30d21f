/** Generators of hostile input shared by the reliability properties. */
import fc from 'fast-check'

/** Pieces that scraped news really carries, mixed into the random text. */
const newsPieces = [
  'Sen. Ann MarshAnn Louise MarshHouse passes budget MORE (D-Ore.) said',
  'The council met on Tuesday… [+2301 chars]',
  'ADVERTISEMENT',
  '&amp;#8217; &nbsp; &#x2014;',
  'CafÃ© â€œquotedâ€\u009d',
  '\u00a0\u200b\u200d\ufeff',
  '\r\n\r\n',
  '“',
  '(AP Photo/',
  'Related: ',
  '\ud800',
  '\udfff',
  '\u0000',
]

/** Text that is mostly random but often looks like news, with huge tokens now and then. */
export const hostileText = fc.oneof(
  {weight: 3, arbitrary: fc.string({unit: 'grapheme', maxLength: 200})},
  {weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 200})},
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(fc.constantFrom(...newsPieces), fc.string({maxLength: 12}), fc.constant(' ')),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('A', 'a', ' ', '.', 'MORE', '…', '\n', '(', 'é'),
        fc.integer({min: 1_000, max: 30_000}),
      )
      .map(([unit, count]) => unit.repeat(count)),
  },
)
