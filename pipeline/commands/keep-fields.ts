/**
 * `--keep-fields`, shared by `clean` and `enqueue`: its own module, so that
 * neither command's chunk loads the other's.
 */
import {UsageError} from '../io/readers.js'

/** `--keep-fields a,b`: the names, each once; `undefined` without the option. */
export function parseKeepFields(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const names = [...new Set(value.split(',').map((name) => name.trim()))]
  if (names.some((name) => name === '')) {
    throw new UsageError(
      `--keep-fields takes field names separated by commas (or '*'), not \`${value}\``,
    )
  }
  return names
}
