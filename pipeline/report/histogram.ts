/**
 * Histograms as hand-made SVG: a few rectangles and labels, lighter than any
 * charting library and drawn on the server, so they need no script.
 */
import {escapeHtml} from './escape.js'

export interface Bins {
  /** Lower edge of the first bin. */
  from: number
  /** Width of each bin. */
  width: number
  count: number
}

export interface HistogramOptions {
  title: string
  bins: Bins
  /** Row field the bars filter the table by, when clicked. */
  filter: string
  /** Digits after the point in bin labels. */
  digits: number
}

/** Bins covering `values`: grades by whole grades, scores within [0, 1] by tenths. */
export function binsFor(values: readonly number[], kind: 'grade' | 'score'): Bins {
  // Scores on a fixed scale keep fixed bins, so two reports compare at a glance.
  if (kind === 'score' && values.every((value) => value >= 0 && value <= 1)) {
    return {from: 0, width: 0.1, count: 10}
  }
  if (kind === 'score' && values.every((value) => value >= 0 && value <= 100)) {
    return {from: 0, width: 10, count: 10}
  }
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const value of values) {
    low = Math.min(low, value)
    high = Math.max(high, value)
  }
  if (!Number.isFinite(low)) return {from: 0, width: 1, count: 1}
  const from = Math.floor(low)
  const width = Math.max(1, Math.ceil((high - from + 1) / 24))
  return {from, width, count: Math.max(1, Math.ceil((high - from + 1e-9) / width) || 1)}
}

/** Count of values per bin; values past the last bin go into it. */
export function countBins(values: readonly number[], bins: Bins): number[] {
  const counts = new Array<number>(bins.count).fill(0)
  for (const value of values) {
    const at = Math.min(bins.count - 1, Math.max(0, Math.floor((value - bins.from) / bins.width)))
    counts[at] = (counts[at] ?? 0) + 1
  }
  return counts
}

/** An accessible SVG bar chart of `values`; `missing` is noted under it. */
export function histogramSvg(
  values: readonly number[],
  missing: number,
  options: HistogramOptions,
): string {
  const counts = countBins(values, options.bins)
  const most = Math.max(1, ...counts)
  const width = 360
  const height = 150
  const left = 34
  const bottom = 24
  const plotHeight = height - bottom - 8
  const barWidth = (width - left - 4) / counts.length
  const label = (at: number): string =>
    (options.bins.from + at * options.bins.width).toFixed(options.digits)
  const bars = counts
    .map((count, at) => {
      const barHeight = Math.round((count / most) * plotHeight)
      const x = left + at * barWidth
      const range = `${label(at)}–${label(at + 1)}`
      // The first and last bins are open-ended, as countBins fills them.
      const from = at === 0 ? '' : label(at)
      const to = at === counts.length - 1 ? '' : label(at + 1)
      return (
        `<rect class="bar" data-filter="${escapeHtml(options.filter)}" data-from="${from}" data-to="${to}" ` +
        `data-label="${escapeHtml(`${options.title} ${range}`)}" x="${x.toFixed(1)}" y="${height - bottom - barHeight}" ` +
        `width="${Math.max(1, barWidth - 2).toFixed(1)}" height="${barHeight}">` +
        `<title>${escapeHtml(`${range}: ${count}`)}</title></rect>`
      )
    })
    .join('')
  const ticks = counts
    .map((_, at) =>
      at % Math.ceil(counts.length / 8) === 0
        ? `<text class="tick" x="${(left + at * barWidth).toFixed(1)}" y="${height - 8}">${label(at)}</text>`
        : '',
    )
    .join('')
  const summary = `${options.title}: ${values.length} article(s)${missing > 0 ? `, ${missing} without a score` : ''}`
  return (
    `<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-label="${escapeHtml(summary)}">` +
    `<text class="tick" x="0" y="12">${most}</text>` +
    `<line class="axis" x1="${left - 2}" y1="${height - bottom}" x2="${width}" y2="${height - bottom}"/>` +
    `${bars}${ticks}</svg><figcaption>${escapeHtml(summary)}</figcaption></figure>`
  )
}
