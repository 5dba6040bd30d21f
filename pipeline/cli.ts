#!/usr/bin/env node
/**
 * The `copydesk` command. It only dispatches: each command parses its own
 * flags in pipeline/commands/. Exit codes: 0 all clean, 1 findings or failed
 * records, 2 unusable input or options.
 */
import {compileExpressionsOnce, expectShortRun} from './commands/engine.js'
import {write} from './commands/output.js'
import {UsageError} from './io/readers.js'
import {readVersion} from './version.js'

compileExpressionsOnce()

interface CommandModule {
  /** Lines for the help text. */
  usage: string
}

type Runner = (args: string[]) => Promise<number>

/**
 * Every command, by name, loaded only when it runs: a one-article
 * `copydesk clean` should not pay for the queue, lint or report code.
 * Add a command here and in pipeline/commands/.
 */
const commands: Record<
  string,
  {load: () => Promise<CommandModule>; run: (module: never) => Runner}
> = {
  clean: {
    load: () => import('./commands/clean.js'),
    run: (m: typeof import('./commands/clean.js')) => m.cleanCommand,
  },
  lint: {
    load: () => import('./commands/lint.js'),
    run: (m: typeof import('./commands/lint.js')) => m.lintCommand,
  },
  lsp: {
    load: () => import('./commands/lsp.js'),
    run: (m: typeof import('./commands/lsp.js')) => m.lspCommand,
  },
  report: {
    load: () => import('./commands/report.js'),
    run: (m: typeof import('./commands/report.js')) => m.reportCommand,
  },
  enqueue: {
    load: () => import('./commands/queue.js'),
    run: (m: typeof import('./commands/queue.js')) => m.enqueueCommand,
  },
  worker: {
    load: () => import('./commands/queue.js'),
    run: (m: typeof import('./commands/queue.js')) => m.workerCommand,
  },
  collect: {
    load: () => import('./commands/queue.js'),
    run: (m: typeof import('./commands/queue.js')) => m.collectCommand,
  },
  status: {
    load: () => import('./commands/queue.js'),
    run: (m: typeof import('./commands/queue.js')) => m.statusCommand,
  },
}

async function help(): Promise<string> {
  const modules = new Set(
    await Promise.all(Object.values(commands).map((command) => command.load())),
  )
  return `Usage: copydesk <command> [options]

Commands:
${[...modules].map((module) => module.usage).join('\n')}
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 all clean, 1 findings or failed records, 2 unusable input or options.
`
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  try {
    const command = name === undefined ? undefined : commands[name]
    // Most `clean` runs are one article; the command says when one is not.
    if (name === 'clean') expectShortRun()
    if (command) return await command.run((await command.load()) as never)(rest)
    switch (name) {
      case '-v':
      case '--version':
        await write(`${readVersion()}\n`)
        return 0
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        await write(await help())
        return name === undefined ? 2 : 0
      default:
        process.stderr.write(`copydesk: unknown command \`${name}\`\n\n${await help()}`)
        return 2
    }
  } catch (error) {
    const code = (error as {code?: string}).code
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`copydesk: ${(error as Error).message}\n`)
      return 2
    }
    // The system refused a read or write (a full disk, a closed pipe): its
    // message says what and where; a stack trace would add nothing.
    if (typeof (error as {syscall?: unknown}).syscall === 'string') {
      process.stderr.write(`copydesk: ${(error as Error).message}\n`)
      return 1
    }
    throw error
  }
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`copydesk … | head`) is not a failure of ours.
  if (error.code === 'EPIPE') process.exit(0)
  // Any other (a full disk behind `> file`): said in a line, and the run has failed.
  process.stderr.write(`copydesk: cannot write standard output: ${error.message}\n`)
  process.exit(1)
})

process.exitCode = await main(process.argv.slice(2))
