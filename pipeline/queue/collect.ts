/**
 * `copydesk collect`: merge workers' part files into one JSONL file, one line
 * per job (retried jobs' duplicates collapse), in input order, without the
 * queue bookkeeping: the same bytes a local run writes.
 */
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {writeFileAtomic} from '../io/atomic.js'

interface Entry {
  seq: number
  line: string
}

export interface CollectResult {
  records: number
  duplicates: number
  files: number
  /** Lines that were not results (reported, skipped). */
  bad: Array<{file: string; line: number; error: string}>
}

export async function collect(folders: readonly string[], output: string): Promise<CollectResult> {
  const byJob = new Map<string, Entry>()
  const result: CollectResult = {records: 0, duplicates: 0, files: 0, bad: []}
  for (const folder of folders) {
    const names = (await readdir(folder))
      .filter((name) => name.startsWith('part-') && name.endsWith('.jsonl'))
      .sort()
    for (const name of names) {
      result.files++
      const lines = (await readFile(join(folder, name), 'utf8')).split('\n')
      lines.forEach((raw, index) => {
        if (raw === '') return
        try {
          const value = JSON.parse(raw) as {queue?: {seq?: unknown; jobId?: unknown}}
          const {seq, jobId} = value.queue ?? {}
          if (typeof seq !== 'number' || typeof jobId !== 'string')
            throw new Error('no queue position')
          delete value.queue
          const previous = byJob.get(jobId)
          if (previous) {
            result.duplicates++
            if (previous.seq <= seq) return
          }
          byJob.set(jobId, {seq, line: JSON.stringify(value)})
        } catch (error) {
          result.bad.push({
            file: join(folder, name),
            line: index + 1,
            error: (error as Error).message,
          })
        }
      })
    }
  }
  const entries = [...byJob.values()].sort((a, b) => a.seq - b.seq)
  result.records = entries.length
  await writeFileAtomic(output, entries.map((entry) => `${entry.line}\n`).join(''))
  return result
}
