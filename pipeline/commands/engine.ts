/**
 * V8 settings of the `copydesk` process, for its start-up (issue 8: a cold
 * one-article `copydesk clean` within 250 ms).
 *
 * They change how V8 compiles and collects, never what the code computes:
 * a regular expression matches the same in the bytecode interpreter as in
 * machine code, a function returns the same optimised or not. Set with
 * `v8.setFlagsFromString` while the process runs; each is read by V8 when it
 * next decides (compiling an expression, optimising a function, growing the
 * young generation), so a change applies from then on.
 */
import {setFlagsFromString} from 'node:v8'

/**
 * Stdin larger than this many bytes is a long run: past about a quarter of a
 * megabyte, the optimising compiler earns back what it costs (measured on
 * Reuters text: 256 KB ran faster without it, 1 MB with it).
 */
export const shortInputBytes = 256 * 1024

/**
 * For every command. V8 runs a regular expression's first match in its
 * bytecode interpreter and compiles it to machine code on the second: two
 * compilations, and for the long boilerplate and credit-line expressions
 * (Unicode property classes, counted repeats) the bytecode one is the dearer,
 * about 15 ms of a cold one-article `copydesk clean`. Straight to machine
 * code is what a batch ends with anyway (measured: same CPU a document).
 */
export function compileExpressionsOnce(): void {
  setFlagsFromString('--no-regexp-tier-up')
}

/**
 * For a run that ends soon (one article on stdin), set before its modules
 * load. The optimising compiler (TurboFan) spends more on the functions that
 * turn hot while the lexicons load and the article is cleaned than they give
 * back in one article; and a young generation that grows 4 times (V8: 2) at
 * each collection reaches the size the start-up needs in fewer collections.
 * Together about 35 ms of CPU of a cold `copydesk clean` of 4 KB.
 */
export function expectShortRun(): void {
  setFlagsFromString('--no-opt')
  setFlagsFromString('--semi-space-growth-factor=4')
}

/**
 * Back to V8's defaults, for a run that turns out long (files, records, a
 * large stdin): before the work, and before any worker thread starts (they
 * share the process's settings).
 */
export function expectLongRun(): void {
  setFlagsFromString('--opt')
  setFlagsFromString('--semi-space-growth-factor=2')
}
