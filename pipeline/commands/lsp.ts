/**
 * `copydesk lsp`: a Language Server Protocol server over stdio. Editors get
 * copydesk lint's findings as diagnostics while typing in `.md`, `.txt` and
 * `.html` files, and quick fixes for the suggested replacements.
 */
import {fileURLToPath} from 'node:url'
import type {CodeAction, Diagnostic} from 'vscode-languageserver/node'
import type {TextDocument as Document} from 'vscode-languageserver-textdocument'
import {ConfigFinder, clearConfigCaches, defaultConfig, type LintConfig} from '../lint/config.js'
import {lintText} from '../lint/engine.js'
import {displayPath} from '../lint/files.js'
import {formatOf} from '../lint/prose.js'

export const usage = `  lsp [--stdio]       language server (LSP over stdio): diagnostics and quick fixes for editors`

/** What a diagnostic carries for its quick fixes. */
interface FixData {
  start: number
  end: number
  expected: string[]
  /** True when the first replacement is safe without review. */
  safe: boolean
}

/** Run the server until the client sends `exit`. */
export async function lspCommand(_args: string[]): Promise<number> {
  // Loaded here, not at the top: every other command starts faster without it.
  const server = (await import('vscode-languageserver/node')).default
  const {TextDocument} = await import('vscode-languageserver-textdocument')
  const {
    CodeActionKind,
    DiagnosticSeverity,
    ProposedFeatures,
    StreamMessageReader,
    StreamMessageWriter,
    TextDocumentSyncKind,
    TextDocuments,
    TextEdit,
    createConnection,
  } = server
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout),
  )
  const documents = new TextDocuments(TextDocument)

  let lastError = ''
  const configFor = async (path: string | undefined): Promise<LintConfig> => {
    // Configs change while an editor is open: search afresh each time.
    clearConfigCaches()
    try {
      const config = await new ConfigFinder().forFile(path)
      lastError = ''
      return config
    } catch (error) {
      // Once per distinct problem, not on every keystroke.
      const message = `copydesk: ${(error as Error).message}`
      if (message !== lastError) void connection.window.showErrorMessage(message)
      lastError = message
      return defaultConfig
    }
  }

  const validate = async (document: Document): Promise<void> => {
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined
    const config = await configFor(path)
    const result = lintText(document.getText(), {
      format: formatOf(path ?? document.uri),
      config,
      path: path === undefined ? document.uri : displayPath(path),
    })
    const diagnostics: Diagnostic[] = result.findings.map((finding) => {
      const data: FixData = {
        start: finding.start,
        end: finding.end,
        expected: finding.expected,
        safe: finding.fix !== null,
      }
      return {
        range: {start: document.positionAt(finding.start), end: document.positionAt(finding.end)},
        severity:
          finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        code: finding.ruleId,
        source: 'copydesk',
        message: finding.reason,
        ...(finding.url ? {codeDescription: {href: finding.url}} : {}),
        data,
      }
    })
    await connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll]},
    },
    serverInfo: {name: 'copydesk'},
  }))

  documents.onDidChangeContent((change) => {
    void validate(change.document)
  })
  documents.onDidClose((event) => {
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const actions: CodeAction[] = []
    const safe: Array<{diagnostic: Diagnostic; data: FixData}> = []
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnostic.data as FixData | undefined
      if (diagnostic.source !== 'copydesk' || !data) continue
      const range = {start: document.positionAt(data.start), end: document.positionAt(data.end)}
      data.expected.forEach((text, index) => {
        actions.push({
          title:
            text === ''
              ? `Delete (${diagnostic.code})`
              : `Replace with “${text}” (${diagnostic.code})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: data.safe && index === 0,
          edit: {changes: {[document.uri]: [TextEdit.replace(range, text)]}},
        })
      })
      if (data.safe) safe.push({diagnostic, data})
    }
    if (safe.length > 1 || params.context.only?.includes(CodeActionKind.SourceFixAll)) {
      // Fixes never overlap in one edit: keep the first of any overlapping pair.
      safe.sort((a, b) => a.data.start - b.data.start)
      const edits = []
      let at = 0
      for (const {data} of safe) {
        if (data.start < at) continue
        const range = {start: document.positionAt(data.start), end: document.positionAt(data.end)}
        edits.push(TextEdit.replace(range, data.expected[0] ?? ''))
        at = data.end
      }
      if (edits.length > 0) {
        actions.push({
          title: 'Fix all safe copydesk findings',
          kind: CodeActionKind.SourceFixAll,
          diagnostics: safe.map((entry) => entry.diagnostic),
          edit: {changes: {[document.uri]: edits}},
        })
      }
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
  // The connection ends the process itself when the client sends `exit`.
  return new Promise<number>(() => {})
}
