/**
 * Fingerprints of removals: the key of a review decision. They leave out
 * offsets, so a decision still matches after an edit elsewhere in the article
 * moves the span; the same text removed twice by one rule in one article gets
 * one fingerprint, and one decision covers both.
 */
import {createHash} from 'node:crypto'

export interface FingerprintInput {
  source: string
  ruleId: string
  /** The removed text. */
  before: string
}

/** `sha256(JSON.stringify([articleId, source, ruleId, removedText]))`, first 16 hex digits. */
export function fingerprintRemoval(articleId: string, removal: FingerprintInput): string {
  return createHash('sha256')
    .update(JSON.stringify([articleId, removal.source, removal.ruleId, removal.before]))
    .digest('hex')
    .slice(0, 16)
}
