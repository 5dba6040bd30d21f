#!/usr/bin/env node
/**
 * The `copydesk` command. It only dispatches: each command parses its own
 * flags in pipeline/commands/. Exit codes: 0 all clean, 1 findings or failed
 * records, 2 unusable input or options.
 */
import {readFileSync} from 'node:fs'
import {UsageError} from './batch.js'
import * as clean from './commands/clean.js'
import * as lint from './commands/lint.js'
import * as lsp from './commands/lsp.js'
import {write} from './commands/output.js'
import * as queue from './commands/queue.js'
import * as report from './commands/report.js'

interface Command {
  /** Lines for the help text. */
  usage: string
  run(args: string[]): Promise<number>
}

/** Every command, by name. Add a command here and in pipeline/commands/. */
const commands: Record<string, Command> = {
  clean: {usage: clean.usage, run: clean.cleanCommand},
  lint: {usage: lint.usage, run: lint.lintCommand},
  lsp: {usage: lsp.usage, run: lsp.lspCommand},
  report: {usage: report.usage, run: report.reportCommand},
  enqueue: {usage: queue.usage, run: queue.enqueueCommand},
  worker: {usage: '', run: queue.workerCommand},
  collect: {usage: '', run: queue.collectCommand},
  status: {usage: '', run: queue.statusCommand},
}

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

const help = `Usage: copydesk <command> [options]

Commands:
${Object.values(commands)
  .map((command) => command.usage)
  .filter((usage) => usage !== '')
  .join('\n')}
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 all clean, 1 findings or failed records, 2 unusable input or options.
`

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  try {
    const command = name === undefined ? undefined : commands[name]
    if (command) return await command.run(rest)
    switch (name) {
      case '-v':
      case '--version':
        await write(`${version}\n`)
        return 0
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        await write(help)
        return name === undefined ? 2 : 0
      default:
        process.stderr.write(`copydesk: unknown command \`${name}\`\n\n${help}`)
        return 2
    }
  } catch (error) {
    const code = (error as {code?: string}).code
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`copydesk: ${(error as Error).message}\n`)
      return 2
    }
    throw error
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`copydesk … | head`) is not a failure of ours.
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

process.exitCode = await main(process.argv.slice(2))
