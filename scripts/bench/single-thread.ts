/**
 * One single-thread measurement in a process of its own, as a program that
 * cleans articles runs: `node single-thread.js full|naive` prints the
 * `Throughput` as JSON. In the bench's own process, `clean()` shared its heap
 * with the corpus, the floor's files and the naive chain's word lists, and paid
 * for them in every collection (823 docs/s there, 970 alone, same build).
 */
import {loadCorpus} from './corpus.js'
import {fullPipelineHere, naiveChainHere} from './measure.js'

const kind = process.argv[2]
if (kind !== 'full' && kind !== 'naive') throw new Error('usage: single-thread.js full|naive')
const docs = loadCorpus()
const result = kind === 'full' ? fullPipelineHere(docs) : naiveChainHere(docs)
process.stdout.write(`${JSON.stringify(result)}\n`)
