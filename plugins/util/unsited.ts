/**
 * Arrays that V8 will never "pretenure", for code that builds many
 * short-lived objects (the parser's trees).
 *
 * V8 gives every array and object literal an allocation site, counts how many
 * of its objects survive the first garbage collections of a process, and may
 * then decide to allocate everything from that site in the old generation,
 * for the rest of the process. For a parse tree, which lives for one article,
 * the decision is wrong and expensive: the tree's nodes fill the old
 * generation, and each old array that points at young nodes keeps them alive
 * through every minor collection until the next major one. Which way V8
 * decides depends on where the first collections fall, so the same build ran
 * the parser at 0.062 ms an article in some processes and 0.25 ms in others
 * (1,000 Reuters articles; in the slow ones the site of a word's `[text]` was
 * tenured, half of each young generation survived, and collection took 30 %
 * of the time). `node --no-allocation-site-pretenuring` made every process
 * fast, which settled the cause.
 *
 * Objects made from `{}` and arrays copied by `slice` carry no allocation
 * site: the parser builds its nodes from `{}` and its arrays with the two
 * functions here, and every process then runs at one speed.
 */

// Both hold object elements (the kind a tree's arrays end up with), so a copy
// needs no elements-kind change on its first push.
const empty: unknown[] = [undefined]
empty.pop()
const single: unknown[] = [undefined]

/** A new empty array, with no allocation site. */
export function emptyArray<T>(): T[] {
  return empty.slice() as T[]
}

/** A new array of exactly one item, with no allocation site. */
export function arrayOfOne<T>(item: T): T[] {
  single[0] = item
  const array = single.slice() as T[]
  // The holder is long-lived; a reference left in it would keep `item` alive.
  single[0] = undefined
  return array
}
