/**
 * Time bounds as a ratio to a linear scan, not as absolute times: the same
 * machine, under the same load, reads the same input once in a plain loop, and
 * the code under test may take at most `ratio` times as long. On 1 MB a linear
 * regex costs tens to a few hundred scans; a quadratic one costs about a
 * million, so a generous ratio still tells them apart on a busy machine.
 */

/** Read every code unit once, doing a little work on each (what a linear regex must at least do). */
export function linearScan(text: string): number {
  let hash = 0
  for (let index = 0; index < text.length; index++) {
    hash = (hash * 31 + text.charCodeAt(index)) | 0
  }
  return hash
}

/** Milliseconds `run` takes, the fastest of `repeats` runs. */
export function timeOf(run: () => unknown, repeats = 1): number {
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < repeats; round++) {
    const started = performance.now()
    run()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

/** Milliseconds of a linear scan of `text` (at least 0.5 ms, below which timers are noise). */
export function scanTime(text: string): number {
  return Math.max(
    0.5,
    timeOf(() => linearScan(text), 5),
  )
}

/**
 * How many linear scans of `text` the run took. A run over `limit` is timed
 * once more and the faster kept: a pause of the machine is not a slow regex.
 */
export function scanRatio(
  text: string,
  run: () => unknown,
  limit = Number.POSITIVE_INFINITY,
): number {
  const first = timeOf(run) / scanTime(text)
  return first > limit ? Math.min(first, timeOf(run) / scanTime(text)) : first
}

/** `unit` repeated to exactly `size` code units. */
export function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}
