/** Input that is not HTML at all (binary data, not a string). */
export class HtmlInputError extends Error {
  override name = 'HtmlInputError'
}

/** How much of the start of the input is inspected for binary content. */
const sniffLength = 8192

/** Share of control characters above which input is binary, not markup. */
const maxControlShare = 0.1

/**
 * Throw {@link HtmlInputError} when the start of the input (`codeAt` gives a
 * byte or a UTF-16 code unit) holds a NUL or more than 10 % control
 * characters other than tab, line feed, form feed and carriage return.
 */
export function assertNotBinary(length: number, codeAt: (index: number) => number): void {
  const end = Math.min(length, sniffLength)
  let control = 0
  for (let index = 0; index < end; index++) {
    const code = codeAt(index)
    if (code === 0) throw new HtmlInputError('Input is binary data (NUL characters), not HTML')
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) control++
  }
  if (end > 0 && control / end > maxControlShare) {
    throw new HtmlInputError('Input is binary data (control characters), not HTML')
  }
}
