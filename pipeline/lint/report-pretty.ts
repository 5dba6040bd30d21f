/** The terminal reporter: vfile-reporter's layout, with the suggested fix in each line. */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {FileResult} from './files.js'

function suggestion(expected: readonly string[]): string {
  if (expected.length === 0) return ''
  const shown = expected.map((text) =>
    text === '' ? 'delete' : `\`${text.replaceAll('\n', '⏎')}\``,
  )
  return ` (fix: ${shown.join(' or ')})`
}

/** Render results like unified's own CLIs; `quiet` shows errors only. */
export function prettyReport(
  results: readonly FileResult[],
  options: {color: boolean; quiet: boolean},
): string {
  const files = results.map((result) => {
    const file = new VFile({path: result.path})
    for (const finding of result.findings) {
      const message = file.message(`${finding.reason}${suggestion(finding.expected)}`, {
        place: {
          start: {line: finding.line, column: finding.column},
          end: {line: finding.endLine, column: finding.endColumn},
        },
        ruleId: finding.ruleId,
        source: finding.source,
      })
      message.fatal = finding.severity === 'error'
      if (finding.url) message.url = finding.url
    }
    return file
  })
  const text = reporter(files, {color: options.color, silent: options.quiet, quiet: options.quiet})
  return text === '' ? '' : `${text}\n`
}
