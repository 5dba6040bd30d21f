/** Count syllables in `value`, as the `syllable` package (5.0.1) does; memoised. */
export function syllable(value: string): number
