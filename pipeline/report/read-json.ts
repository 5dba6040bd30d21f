/** Tolerant readers for JSON of unknown shape (records of any copydesk version). */

/** Any value `JSON.parse` can give. */
export type Unknown = unknown

export type JsonObject = Record<string, unknown>

/** The value as an object, or an empty object. */
export function asRecord(value: Unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {}
}

/** The value as an array, or an empty array. */
export function array(value: Unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function stringOr(value: Unknown, fallback: string): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback
}

export function numberOr(value: Unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/**
 * An offset given as `item[side]` (a number) or as a unist position
 * (`item.place[side].offset`), the two shapes records use for spans.
 */
export function offsetOf(item: JsonObject, side: 'start' | 'end'): number | null {
  const direct = item[side]
  if (typeof direct === 'number' && Number.isInteger(direct) && direct >= 0) return direct
  const point = asRecord(asRecord(item.place)[side])
  return typeof point.offset === 'number' && Number.isInteger(point.offset) && point.offset >= 0
    ? point.offset
    : null
}
