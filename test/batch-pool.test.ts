/**
 * The ordered pool: results in input order whatever order batches finish in,
 * bounded read-ahead (back-pressure), and a failed batch turned into error
 * records instead of a crash.
 */
import {describe, expect, it} from 'vitest'
import {batches, mapOrdered, type Runner} from '../pipeline/pool.js'
import type {Result, Unit} from '../pipeline/pool-worker.js'
import {Progress, progressLine} from '../pipeline/progress.js'
import {distribution, SummaryBuilder} from '../pipeline/summary.js'

function itemUnit(index: number, text = `Story number ${index} ran on page ${index % 7}.`): Unit {
  return {kind: 'item', index, fileIndex: 0, item: {id: index, text}}
}

/** A runner whose batches finish in a scrambled order, counting what it was given. */
function scramblingRunner(jobs: number, log: {started: number}): Runner {
  let call = 0
  return {
    jobs,
    async run(units) {
      log.started += units.filter((unit) => unit.kind === 'item').length
      const delay = (call++ * 7) % 5 // later batches often finish first
      await new Promise((resolve) => setTimeout(resolve, delay))
      return units.map((unit): Result => {
        if (unit.kind === 'end') return unit
        const json = JSON.stringify({id: unit.item.id, text: unit.item.text?.toUpperCase()})
        return {
          ...unit,
          processed: {
            json,
            digest: {
              error: null,
              removed: [],
              warnings: 0,
              grade: null,
              ease: null,
              neutrality: null,
            },
          },
        }
      })
    },
    close: async () => {},
  }
}

describe('mapOrdered', () => {
  it('keeps input order when batches finish out of order', async () => {
    async function* units(): AsyncGenerator<Unit> {
      for (let index = 0; index < 500; index++) yield itemUnit(index)
      yield {kind: 'end', fileIndex: 0, items: 500}
    }
    const log = {started: 0}
    const seen: Array<number | string> = []
    for await (const result of mapOrdered(units(), scramblingRunner(3, log), 4, {
      items: 7,
      characters: 1_000_000,
    })) {
      seen.push(result.kind === 'end' ? 'end' : result.index)
    }
    expect(seen).toEqual([...Array.from({length: 500}, (_, index) => index), 'end'])
    expect(log.started).toBe(500)
  })

  it('reads ahead no more than the window of batches', async () => {
    let pulled = 0
    async function* units(): AsyncGenerator<Unit> {
      for (let index = 0; index < 2000; index++) {
        pulled++
        yield itemUnit(index)
      }
    }
    const window = 3
    const size = 10
    let taken = 0
    let worstLead = 0
    for await (const _result of mapOrdered(units(), scramblingRunner(2, {started: 0}), window, {
      items: size,
      characters: 1_000_000,
    })) {
      taken++
      worstLead = Math.max(worstLead, pulled - taken)
    }
    expect(taken).toBe(2000)
    // One batch being filled plus `window` in flight, never the whole input.
    expect(worstLead).toBeLessThanOrEqual((window + 1) * size)
  })

  it('splits batches by size as well as by count', async () => {
    async function* units(): AsyncGenerator<Unit> {
      for (let index = 0; index < 6; index++) yield itemUnit(index, 'x'.repeat(400))
    }
    const sizes: number[] = []
    for await (const batch of batches(units(), {items: 100, characters: 1000}))
      sizes.push(batch.length)
    expect(sizes).toEqual([3, 3])
  })
})

describe('summary and progress', () => {
  it('gives nearest-rank p10 and p90, the upper middle value as median', () => {
    expect(distribution([5, 1, 4, 2, 3, 10, 9, 8, 7, 6])).toEqual({
      min: 1,
      p10: 1,
      median: 6,
      p90: 9,
      max: 10,
      mean: 5.5,
    })
    expect(distribution([])).toBeNull()
  })

  it('counts errors and lists where they are', () => {
    const summary = new SummaryBuilder()
    summary.add({file: 'wire.jsonl', line: 4, error: 'Invalid JSON: Unexpected end'})
    summary.add({
      text: 'Rain fell.',
      removed: [
        {ruleId: 'hill-related-blurb', source: 's', start: 3, end: 10, text: 'x', confidence: 1},
      ],
      changes: [],
      readability: null,
      sentences: [],
      messages: [],
    })
    const built = summary.build()
    expect(built).toMatchObject({
      records: 2,
      errors: 1,
      cleaned: 1,
      removed: 1,
      removedCharacters: 7,
    })
    expect(built.errorList).toEqual([
      {file: 'wire.jsonl', line: 4, error: 'Invalid JSON: Unexpected end'},
    ])
  })

  it('draws records, megabytes, rate and ETA', () => {
    expect(progressLine(250, 50e6, 200e6, 10, 8)).toBe(
      '[##......]  25% 250 records  50.0/200.0 MB  25 rec/s  ETA 30s',
    )
    expect(progressLine(9000, 200e6, 200e6, 3700, 4)).toMatch(/100% .* ETA 0s$/)
  })

  it('writes nothing when stderr is not a terminal', () => {
    const writes: string[] = []
    const stream = {isTTY: false, write: (chunk: string) => writes.push(chunk)}
    const progress = new Progress(stream as unknown as NodeJS.WriteStream, 100)
    const summary = new SummaryBuilder()
    summary.add({error: 'x'})
    progress.update(summary, 50)
    progress.done(summary, 100)
    expect(writes).toEqual([])
  })

  it('draws on a terminal and ends its line', () => {
    const writes: string[] = []
    const stream = {isTTY: true, columns: 120, write: (chunk: string) => writes.push(chunk)}
    const progress = new Progress(stream as unknown as NodeJS.WriteStream, 100)
    const summary = new SummaryBuilder()
    summary.add({error: 'x'})
    progress.update(summary, 50)
    progress.done(summary, 100)
    expect(writes[0]).toMatch(/^\r\[.*1 records/)
    expect(writes.at(-1)).toBe('\n')
  })
})
