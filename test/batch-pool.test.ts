/**
 * The ordered pool: results in input order whatever order batches finish in,
 * bounded read-ahead (back-pressure), and a failed batch turned into error
 * records instead of a crash.
 */
import {describe, expect, it} from 'vitest'
import {parseLine} from '../pipeline/io/jsonl.js'
import type {InputItem} from '../pipeline/item.js'
import {batches, createRunner, mapOrdered, type Runner} from '../pipeline/pool.js'
import {
  type Finished,
  jsonOf,
  processUnits,
  processUnitsInTurns,
  type Unit,
} from '../pipeline/pool-worker.js'
import {Progress, progressLine} from '../pipeline/progress.js'
import {distribution, ScoreHistogram, SummaryBuilder} from '../pipeline/summary.js'

/** Items as the parsing JSONL reader gives them for `lines` of `wire.jsonl`. */
function* readJsonlLines(lines: readonly string[]): Generator<InputItem> {
  for (const [index, raw] of lines.entries()) {
    const parsed = parseLine(raw, index + 1)
    if (!parsed) continue
    const where = {
      file: 'wire.jsonl',
      line: parsed.line,
      ...(parsed.id === undefined ? {} : {id: parsed.id}),
    }
    yield 'error' in parsed ? {...where, error: parsed.error} : {...where, text: parsed.text}
  }
}

function itemUnit(index: number, text = `Story number ${index} ran on page ${index % 7}.`): Unit {
  return {kind: 'item', index, fileIndex: 0, item: {id: index, text}}
}

/** A runner whose batches finish in a scrambled order, counting what it was given. */
function scramblingRunner(jobs: number, log: {started: number}): Runner {
  let call = 0
  return {
    jobs,
    redone: 0,
    recycle() {},
    async run(units) {
      log.started += units.filter((unit) => unit.kind === 'item').length
      const delay = (call++ * 7) % 5 // later batches often finish first
      await new Promise((resolve) => setTimeout(resolve, delay))
      const encoder = new TextEncoder()
      const lines: string[] = []
      const done = units.map((unit): Finished['units'][number] => {
        if (unit.kind === 'end') return unit
        const line = `${JSON.stringify({id: unit.item.id, text: unit.item.text?.toUpperCase()})}\n`
        lines.push(line)
        return {
          ...unit,
          length: encoder.encode(line).length,
          digest: {
            error: null,
            removed: [],
            warnings: 0,
            grade: null,
            ease: null,
            neutrality: null,
          },
        }
      })
      return {units: done, bytes: encoder.encode(lines.join(''))}
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
    const texts: string[] = []
    for await (const finished of mapOrdered(units(), scramblingRunner(3, log), 4, {
      items: 7,
      characters: 1_000_000,
    })) {
      for (const [unit, json] of jsonOf(finished)) {
        seen.push(unit.kind === 'end' ? 'end' : unit.index)
        if (json !== undefined) texts.push((JSON.parse(json) as {text: string}).text)
      }
    }
    expect(seen).toEqual([...Array.from({length: 500}, (_, index) => index), 'end'])
    // Each record's bytes are found at its place in its batch's buffer.
    expect(texts[0]).toBe('STORY NUMBER 0 RAN ON PAGE 0.')
    expect(texts[499]).toBe('STORY NUMBER 499 RAN ON PAGE 2.')
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
    for await (const finished of mapOrdered(units(), scramblingRunner(2, {started: 0}), window, {
      items: size,
      characters: 1_000_000,
    })) {
      taken += finished.units.length
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

describe('processUnits', () => {
  it('parses raw JSONL lines in the worker exactly as the parsing reader would', async () => {
    const lines = [
      '{"id": "a1", "text": "The mayor opened the new bridge on Friday."}',
      '{"id": 7, "text": "Rain is expected over the weekend, forecasters said."}',
      '{"id": "broken", "text": ',
      '{"id": "no-text", "body": "Fields the run does not read."}',
    ]
    const raw = lines.map(
      (json, index): Unit => ({
        kind: 'item',
        index,
        fileIndex: 0,
        item: {file: 'wire.jsonl', line: index + 1, json},
      }),
    )
    const parsed = [...readJsonlLines(lines)].map(
      (item, index): Unit => ({kind: 'item', index, fileIndex: 0, item}),
    )
    const options = {score: false}
    const fromRaw = await processUnits({units: raw, options})
    const fromParsed = await processUnits({units: parsed, options})
    expect(new TextDecoder().decode(fromRaw.bytes)).toBe(new TextDecoder().decode(fromParsed.bytes))
    expect(fromRaw.units).toEqual(fromParsed.units)
    const records = [...jsonOf(fromRaw)].map(([, json]) => JSON.parse(json ?? 'null'))
    expect(records.map((record) => record.id)).toEqual(['a1', 7, undefined, 'no-text'])
    expect(records[0].text).toBe('The mayor opened the new bridge on Friday.')
    expect(records[2].error).toMatch(/^Invalid JSON/)
    expect(records[3].error).toBe('Missing field `text`')
  })
})

describe('the main thread cleaning a batch', () => {
  const stories = [
    'The council voted 7-2 on Tuesday to extend the downtown parking program.',
    'Firefighters contained the blaze by 6 p.m., the county said in a statement.',
    'Shares of the retailer fell 4% after it cut its forecast for the year.',
    'The museum will reopen its east wing in March after a two-year renovation.',
  ]
  const batchOf = (from: number): Unit[] =>
    stories.map((text, offset) => itemUnit(from + offset, `${text} (${from + offset})`))

  it('cleans one item a turn, so other work of the thread runs in between, with the records of one go', async () => {
    const units = batchOf(0)
    const ticks: number[] = []
    let done = 0
    // A task queued before the batch starts; it runs again and again while the batch is cleaned.
    const tick = (): void => {
      ticks.push(done)
      if (done === 0) setImmediate(tick)
    }
    setImmediate(tick)
    const turns = processUnitsInTurns({units, options: {score: false}}).then((finished) => {
      done = 1
      return finished
    })
    const inTurns = await turns
    const inOneGo = await processUnits({units, options: {score: false}})
    // Ticks while the batch was unfinished: one a turn, a turn an item.
    expect(ticks.filter((at) => at === 0).length).toBeGreaterThanOrEqual(units.length - 1)
    expect(new TextDecoder().decode(inTurns.bytes)).toBe(new TextDecoder().decode(inOneGo.bytes))
    expect(inTurns.units).toEqual(inOneGo.units)
  })

  it('runs the batches given to it one after another, each with its own lines', async () => {
    const runner = await createRunner(1, {score: false})
    const given = [batchOf(0), batchOf(4), batchOf(8)]
    // All three handed over at once, as the ordered map does within its window.
    const finished = await Promise.all(given.map((units) => runner.run(units)))
    for (const [index, units] of given.entries()) {
      const alone = await processUnits({units, options: {score: false}})
      expect(new TextDecoder().decode(finished[index]?.bytes)).toBe(
        new TextDecoder().decode(alone.bytes),
      )
    }
    await runner.close()
  })

  it('keeps the batches of two runners of one thread apart (they share its line buffer)', async () => {
    const first = await createRunner(1, {score: false})
    const second = await createRunner(1, {score: false})
    const given = [batchOf(0), batchOf(4)]
    const [fromFirst, fromSecond] = await Promise.all([
      first.run(given[0] ?? []),
      second.run(given[1] ?? []),
    ])
    for (const [index, finished] of [fromFirst, fromSecond].entries()) {
      const alone = await processUnits({units: given[index] ?? [], options: {score: false}})
      expect(new TextDecoder().decode(finished.bytes)).toBe(new TextDecoder().decode(alone.bytes))
    }
    await Promise.all([first.close(), second.close()])
  })

  it('writes a later batch into the buffer of one the caller has written, with its own lines only', async () => {
    const runner = await createRunner(1, {score: false})
    const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)
    // A long batch first, so that the buffer handed back is larger than the next batch needs.
    const first = await runner.run([...batchOf(0), ...batchOf(4), ...batchOf(8)])
    const written = first.bytes.buffer
    runner.recycle(first.bytes)
    const second = await runner.run(batchOf(12))
    expect(second.bytes.buffer).toBe(written)
    expect(second.bytes.byteOffset).toBe(0)
    const alone = await processUnits({units: batchOf(12), options: {score: false}})
    expect(decode(second.bytes)).toBe(decode(alone.bytes))
    // A view that does not start its buffer is not taken back.
    runner.recycle(second.bytes.subarray(1))
    const third = await runner.run(batchOf(16))
    expect(third.bytes.buffer).not.toBe(written)
    await runner.close()
  })

  it('stops cleaning the batches still queued once the runner closes', async () => {
    const runner = await createRunner(1, {score: false})
    const pending = [batchOf(0), batchOf(4), batchOf(8)].map((units) => runner.run(units))
    await runner.close()
    for (const finished of await Promise.all(pending)) {
      const records = [...jsonOf(finished)].map(([, json]) => JSON.parse(json ?? 'null'))
      expect(records).toHaveLength(stories.length)
      for (const record of records) expect(record.error).toMatch(/^Processing failed: .*abort/i)
    }
  })
})

describe('worker heap cap', () => {
  // Workers start from the built files (their entry is CommonJS next to the
  // compiled pool): `npm test` builds them first, and a missing build fails
  // here rather than skipping the only test that overflows a worker's heap.
  const built = new URL('../dist/pipeline/pool.js', import.meta.url)

  it('redoes every batch that overflows a worker heap in the main thread, with the same records', async () => {
    const {createRunner} = (await import(built.href)) as typeof import('../pipeline/pool.js')
    const sentences = [
      'The county board approved a new budget for road repairs on Monday.',
      'Officials said the work on the northern bridge would start in spring.',
      'Residents asked whether the bus routes would change during the closure.',
      'A spokesperson for the transit agency declined to comment on the plan.',
    ]
    const paragraphs: string[] = []
    for (let index = 0; paragraphs.length < 3000; index++) {
      paragraphs.push(`${sentences[index % 4]} ${sentences[(index + 1) % 4]} (${index})`)
    }
    const batches: Unit[][] = [
      [{kind: 'item', index: 0, fileIndex: 0, item: {id: 'long', text: paragraphs.join('\n\n')}}],
      [{kind: 'item', index: 1, fileIndex: 0, item: {id: 'short', text: sentences[1]}}],
    ]
    // A cap this small leaves a worker no room for a long document, or even for the pipeline.
    const runner = await createRunner(2, {score: false}, undefined, {old: 8, young: 4})
    try {
      for (const units of batches) {
        const finished = await runner.run(units)
        const [[, json]] = [...jsonOf(finished)] as [[unknown, string]]
        const record = JSON.parse(json) as {id: string; text?: string; error?: string}
        expect(record.error).toBeUndefined()
        expect(new TextDecoder().decode(finished.bytes)).toBe(
          new TextDecoder().decode((await processUnits({units, options: {score: false}})).bytes),
        )
      }
      expect(runner.redone).toBeGreaterThanOrEqual(1)
      expect(runner.redone).toBeLessThanOrEqual(batches.length)
    } finally {
      await runner.close()
    }
  }, 60_000)
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

  it('keeps scores as counts per hundredth, with the figures a sorted list of every score gives', () => {
    // The reference: sort every score, take nearest ranks, round to two decimals.
    const reference = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b)
      const rank = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
      const round = (value: number) => Math.round(value * 100) / 100
      return {
        min: round(sorted[0] ?? 0),
        p10: round(rank(0.1)),
        median: round(sorted[sorted.length >> 1] ?? 0),
        p90: round(rank(0.9)),
        max: round(sorted.at(-1) ?? 0),
        mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
      }
    }
    let seed = 7
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (const count of [1, 2, 3, 10, 11, 999, 5000]) {
      // Grades between -3 and 25 with many repeats and values near a rounding edge.
      const values = Array.from({length: count}, () =>
        random() < 0.2 ? Math.round(random() * 20) + 0.005 : random() * 28 - 3,
      )
      const histogram = new ScoreHistogram()
      for (const value of values) histogram.add(value)
      expect(histogram.distribution()).toEqual(reference(values))
    }
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
