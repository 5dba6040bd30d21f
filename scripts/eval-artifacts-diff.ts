/**
 * Text comparison for the artifact evaluation: the whitespace tidying applied
 * to both sides before comparing, and a character diff that splits the
 * difference into prose lost and debris kept.
 */

/**
 * Tidy whitespace the way the gold was written: no trailing spaces on a line,
 * at most one blank line between paragraphs, no blank lines at either end.
 */
export function tidy(text: string): string {
  const lines = text.split('\n').map((line) => line.trimEnd())
  const kept: string[] = []
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept.at(-1) === '')) continue
    kept.push(line)
  }
  while (kept.at(-1) === '') kept.pop()
  return kept.join('\n')
}

/** How two texts differ, in characters. */
export interface CharDiff {
  /** Characters of `expected` absent from `actual`. */
  missing: number
  /** Characters of `actual` absent from `expected`. */
  extra: number
}

/**
 * Count the characters outside a longest common subsequence of `actual` and
 * `expected`. The shared prefix and suffix are cut first, so the quadratic
 * table only covers the region that differs.
 */
export function charDiff(actual: string, expected: string): CharDiff {
  let head = 0
  while (head < actual.length && head < expected.length && actual[head] === expected[head]) head++
  let tail = 0
  while (
    tail < actual.length - head &&
    tail < expected.length - head &&
    actual[actual.length - 1 - tail] === expected[expected.length - 1 - tail]
  ) {
    tail++
  }
  const a = actual.slice(head, actual.length - tail)
  const b = expected.slice(head, expected.length - tail)
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0)
    }
    ;[previous, current] = [current, previous]
  }
  const common = previous[b.length] ?? 0
  return {missing: b.length - common, extra: a.length - common}
}
