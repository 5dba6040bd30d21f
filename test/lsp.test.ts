/**
 * `copydesk lsp`, tested by speaking the Language Server Protocol to the
 * spawned server over stdio: diagnostics on open and as the text changes,
 * quick fixes, and a clean shutdown.
 */
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {cli, workspace} from './lint-support.js'

interface Message {
  id?: number
  method?: string
  params?: unknown
  result?: unknown
  error?: unknown
}

/** A minimal LSP client: Content-Length framing, requests, notifications. */
class Client {
  readonly child: ChildProcessWithoutNullStreams
  private buffer = Buffer.alloc(0)
  private nextId = 1
  private readonly pending = new Map<number, (message: Message) => void>()
  private readonly seen: Message[] = []
  private readonly waiting: Array<{test: (m: Message) => boolean; done: (m: Message) => void}> = []

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [cli, 'lsp', '--stdio'], {cwd})
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk))
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n')
      if (header === -1) return
      const length = Number(
        /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, header).toString())?.[1],
      )
      if (this.buffer.length < header + 4 + length) return
      const body = this.buffer.subarray(header + 4, header + 4 + length).toString('utf8')
      this.buffer = this.buffer.subarray(header + 4 + length)
      this.dispatch(JSON.parse(body) as Message)
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method !== undefined) {
      // A request from the server (registrations, configuration): answer it.
      this.write({id: message.id, result: null})
      return
    }
    if (message.id !== undefined) {
      this.pending.get(message.id)?.(message)
      this.pending.delete(message.id)
      return
    }
    this.seen.push(message)
    for (const waiter of [...this.waiting]) {
      if (waiter.test(message)) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1)
        waiter.done(message)
      }
    }
  }

  private write(message: Message): void {
    const body = JSON.stringify({jsonrpc: '2.0', ...message})
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) =>
        message.error
          ? reject(new Error(JSON.stringify(message.error)))
          : resolve(message.result as T),
      )
      this.write({id, method, params})
    })
  }

  notify(method: string, params: unknown): void {
    this.write({method, params})
  }

  /** The next notification (or one already seen after `after`) that passes `test`. */
  next(test: (message: Message) => boolean, after = 0): Promise<Message> {
    const already = this.seen.slice(after).find(test)
    if (already) return Promise.resolve(already)
    return new Promise((done) => this.waiting.push({test, done}))
  }

  get count(): number {
    return this.seen.length
  }
}

interface Diagnostic {
  range: {start: {line: number; character: number}; end: {line: number; character: number}}
  severity: number
  code: string
  source: string
  message: string
}
interface Published {
  uri: string
  version?: number
  diagnostics: Diagnostic[]
}
interface Action {
  title: string
  kind: string
  isPreferred?: boolean
  edit: {changes: Record<string, Array<{range: Diagnostic['range']; newText: string}>>}
}

const root = workspace({})
const client = new Client(root)
const uri = pathToFileURL(join(root, 'story.md')).href
const text = [
  'Rep. Ed MoeEd Bo MoeMoe visits port MORE (R-Ky.) spoke at the pier.',
  '',
  '```',
  'Rep. Ed MoeEd Bo MoeMoe visits port MORE (R-Ky.)',
  '```',
  '',
].join('\n')
const published = (version: number) => (message: Message) =>
  message.method === 'textDocument/publishDiagnostics' &&
  (message.params as Published).uri === uri &&
  (message.params as Published).version === version

afterAll(() => {
  if (client.child.exitCode === null) client.child.kill()
})

describe('copydesk lsp', () => {
  let diagnostics: Diagnostic[] = []

  it('initialises with text sync and code actions', async () => {
    const result = await client.request<{capabilities: Record<string, unknown>}>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: {},
    })
    client.notify('initialized', {})
    expect(result.capabilities.textDocumentSync).toBe(2)
    expect(result.capabilities.codeActionProvider).toBeTruthy()
  })

  it('publishes diagnostics for prose on open, none for code', async () => {
    const before = client.count
    client.notify('textDocument/didOpen', {
      textDocument: {uri, languageId: 'markdown', version: 1, text},
    })
    const message = await client.next(published(1), before)
    diagnostics = (message.params as Published).diagnostics
    expect(diagnostics.map((d) => [d.code, d.severity, d.source, d.range.start.line])).toEqual([
      ['hill-related-blurb', 1, 'copydesk', 0],
    ])
    // The card after the shown name "Ed Moe", up to and including MORE.
    expect(diagnostics[0]?.range).toEqual({
      start: {line: 0, character: text.indexOf('Ed Bo')},
      end: {line: 0, character: text.indexOf(' (R-Ky.)')},
    })
  })

  it('offers a quick fix that deletes the blurb', async () => {
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostics[0]?.range,
      context: {diagnostics},
    })
    const quickFix = actions.find((action) => action.kind === 'quickfix')
    expect(quickFix?.title).toBe('Delete (hill-related-blurb)')
    expect(quickFix?.isPreferred).toBe(true)
    const [edit] = quickFix?.edit.changes[uri] ?? []
    expect(edit).toEqual({range: diagnostics[0]?.range, newText: ''})
  })

  it('updates diagnostics as the text changes', async () => {
    const before = client.count
    // Type a loaded word at the end of the first line (an incremental change).
    client.notify('textDocument/didChange', {
      textDocument: {uri, version: 2},
      contentChanges: [
        {
          range: {start: {line: 0, character: 67}, end: {line: 0, character: 67}},
          text: ' It was a disaster.',
        },
      ],
    })
    const message = await client.next(published(2), before)
    const codes = (message.params as Published).diagnostics.map((d) => d.code)
    expect(codes).toEqual(['hill-related-blurb', 'loaded-word'])
  })

  it('shuts down and exits cleanly', async () => {
    await client.request('shutdown', null)
    const exited = new Promise<number | null>((resolve) => client.child.on('exit', resolve))
    client.notify('exit', null)
    expect(await exited).toBe(0)
  })
})
