/**
 * Every regular expression written in the sources of `plugins/` and
 * `pipeline/`, found by parsing them with the TypeScript compiler (not by
 * searching the text, which would trip over regexes inside strings and
 * comments): each `/…/flags` literal and each `new RegExp(…)` or `RegExp(…)`
 * call. A call whose pattern is a constant string is read as that pattern; one
 * built at run time is listed as dynamic, with its source text.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import ts from 'typescript'

/** One regular expression found in the sources. */
export interface FoundRegex {
  /** Path relative to the repository root, with `/` separators. */
  readonly file: string
  /** 1-based line of the expression. */
  readonly line: number
  /** The pattern, or `null` when it is built at run time. */
  readonly pattern: string | null
  readonly flags: string
  /** The expression as written. */
  readonly code: string
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter(
      (entry) => entry.isFile() && /\.c?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** The value of a string literal or a template without substitutions, else `null`. */
function constantString(node: ts.Expression | undefined): string | null {
  if (node === undefined) return null
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  return null
}

function isRegExpCall(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  return (
    (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'RegExp'
  )
}

/** Split a regex literal's text `/body/flags` into its pattern and flags. */
function splitLiteral(text: string): {pattern: string; flags: string} {
  const end = text.lastIndexOf('/')
  return {pattern: text.slice(1, end), flags: text.slice(end + 1)}
}

/** Every regular expression in the `.ts` files under `folders` (relative to `root`). */
export function collectRegexes(root: string, folders: readonly string[]): FoundRegex[] {
  const found: FoundRegex[] = []
  for (const folder of folders) {
    for (const path of sourceFiles(join(root, folder))) {
      const text = readFileSync(path, 'utf8')
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true)
      const file = relative(root, path).split('\\').join('/')
      const lineOf = (node: ts.Node): number =>
        source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const code = node.getText(source)
          found.push({file, line: lineOf(node), ...splitLiteral(code), code})
        } else if (isRegExpCall(node)) {
          const [first, second] = node.arguments ?? []
          const pattern = constantString(first)
          const flags = second === undefined ? '' : constantString(second)
          found.push({
            file,
            line: lineOf(node),
            pattern: flags === null ? null : pattern,
            flags: flags ?? '',
            code: node.getText(source),
          })
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
  }
  return found
}
