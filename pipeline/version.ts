/** copydesk's version, from its package.json. */
import {readFileSync} from 'node:fs'

/**
 * The version in copydesk's package.json: next to `pipeline/` in the sources,
 * one level up from `dist/` once built (`0.0.0` when neither is found).
 */
export function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string
        version?: string
      }
      if (manifest.name === 'copydesk' && manifest.version) return manifest.version
    } catch {
      // Not at this level: try the next.
    }
  }
  return '0.0.0'
}
