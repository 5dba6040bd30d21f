/**
 * A one-line progress bar on a terminal: records, MB read, rate and ETA.
 * Silent when the stream is not a TTY (pipes, files, CI), so logs stay clean.
 */
import type {SummaryBuilder} from './summary.js'

/** Least time between two redraws (ms). */
const redrawEvery = 200

const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1)

/** `1h02m`, `3m05s`, `42s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?'
  const s = Math.round(seconds)
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${s}s`
}

/** The bar's text for `records` done and `bytes` of `total` read after `seconds`. */
export function progressLine(
  records: number,
  bytes: number,
  total: number,
  seconds: number,
  width = 20,
): string {
  const share = total > 0 ? Math.min(1, bytes / total) : 0
  const filled = Math.round(share * width)
  const rate = seconds > 0 ? records / seconds : 0
  const eta = share > 0 && share < 1 ? (seconds / share) * (1 - share) : share >= 1 ? 0 : Number.NaN
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ` +
    `${records} records  ${megabytes(bytes)}/${megabytes(total)} MB  ` +
    `${rate.toFixed(0)} rec/s  ETA ${formatDuration(eta)}`
  )
}

export class Progress {
  private readonly started = performance.now()
  private last = 0
  private drawn = false
  private readonly stream: NodeJS.WriteStream | undefined

  /** `stream`: where to draw; nothing is drawn unless it is a TTY. */
  constructor(
    stream: NodeJS.WriteStream | undefined,
    private readonly total: number,
  ) {
    this.stream = stream?.isTTY ? stream : undefined
  }

  update(summary: SummaryBuilder, bytes: number): void {
    if (!this.stream) return
    const now = performance.now()
    if (now - this.last < redrawEvery) return
    this.last = now
    this.draw(summary, bytes, now)
  }

  /** Draw the last state and end the line. */
  done(summary: SummaryBuilder, bytes: number): void {
    if (!this.stream || !this.drawn) return
    this.draw(summary, bytes, performance.now())
    this.stream.write('\n')
  }

  private draw(summary: SummaryBuilder, bytes: number, now: number): void {
    const records = summary.count
    const line = progressLine(records, bytes, this.total, (now - this.started) / 1000)
    const columns = this.stream?.columns || 80 // 0 when the terminal does not say
    this.stream?.write(`\r${line.slice(0, Math.max(10, columns - 1))}\u001b[K`)
    this.drawn = true
  }
}
