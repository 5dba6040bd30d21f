/**
 * Strings kept by long-lived memos must not hold on to the documents they came
 * from. V8 makes `text.slice(a, b)` of 13 characters or more a view into
 * `text` (a "sliced string"), so a memo keyed by a long word cut from an
 * article keeps the whole article alive until the memo is emptied: across a
 * batch, that was one article's text kept per rare long word.
 */

// V8's `SlicedString::kMinLength`: shorter slices are copies already.
const shortestView = 13

/**
 * `text`, holding no longer string: short strings as they are, longer ones
 * copied out of whatever they were cut from (a concatenation is flattened into
 * a string of its own, and the slice of it holds only that).
 */
export function unshared(text: string): string {
  return text.length < shortestView ? text : ` ${text}`.slice(1)
}
