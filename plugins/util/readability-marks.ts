/**
 * Marks on numbered keys, so that a counting pass counts each key once
 * without a set of strings: a pass takes a mark no pass had before (`next`)
 * and marks each key it meets (`mark`), which says whether the key had that
 * mark already. A pass must end before the next one begins, and a key number
 * must mean one key throughout a pass.
 */
export class KeyMarks {
  readonly #marks: Int32Array
  #last = 0

  /** Marks for key numbers below `size`. */
  constructor(size: number) {
    this.#marks = new Int32Array(size)
  }

  /** A mark no pass got before. */
  next(): number {
    // 0 is "never marked": after the last mark, every mark is wiped and
    // counting starts again.
    if (this.#last === 0x7fffffff) {
      this.#marks.fill(0)
      this.#last = 0
    }
    return ++this.#last
  }

  /** Mark `key` with `mark`; false when it had that mark already. */
  mark(key: number, mark: number): boolean {
    if (this.#marks[key] === mark) return false
    this.#marks[key] = mark
    return true
  }

  /** Forget the marks of `key`, given to a new key. */
  forget(key: number): void {
    this.#marks[key] = 0
  }
}
