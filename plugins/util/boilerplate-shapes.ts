/**
 * Shapes that boilerplate rules share: what a headline looks like, what prose
 * looks like, and how much of a paragraph is real words once links, tags and
 * handles are set aside.
 */
import type {Line} from './boilerplate-lines.js'

const headlineStart = /^[\p{Lu}\p{N}"'“‘]/u
// A clause (`,`), a sentence (`.`, `."`), a shout (`!`), a link arrow or a price.
const badHeadlineEnd = /(?:[.,;:…!»›\-–—]|[.!?]["'”’]|\$[\d,.]{1,20}\)?)$/u
// A sentence break inside (`… here. The …`), a numbered list item (`8. If you …`), or
// spacing that link text never has (two spaces, tabs, no-break spaces).
const notOneHeadline = /(?:[.!?]["'”’]? \p{Lu}|^\d{1,3}[.)] |[ \t\u00a0]{2}|[\t\u00a0])/u
const proseEnd = /[.!?"'”’)]$/u

/**
 * A line that reads like a link to another story: 20–160 characters, at least
 * four words, starting with a capital, a digit or a quote, one phrase (no
 * sentence break inside, not a numbered list item), and not ending like a
 * sentence, a clause, a shout, a link arrow or a price. A byline is not one.
 */
export function isHeadlineShaped(line: Line): boolean {
  const text = line.content
  if (text.length < 20 || text.length > 160) return false
  if (!headlineStart.test(text) || badHeadlineEnd.test(text) || notOneHeadline.test(text))
    return false
  if (text.startsWith('By ') || text.includes('[+')) return false
  return text.split(' ').length >= 4
}

/** A paragraph of prose: at least `minLength` characters, ending like a sentence. */
export function isProse(lines: readonly Line[], minLength = 60): boolean {
  const last = lines.at(-1)
  if (!last) return false
  const length = lines.reduce((sum, line) => sum + line.content.length, 0)
  return length >= minLength && proseEnd.test(last.content)
}

// Each alternative starts with a literal or a single class and has one bounded
// run, so a search stays linear.
const links = /(?:https?:\/\/\S{1,200}|pic\.twitter\.com\/\w{1,40}|[#@]\w{1,80})/giu
const label = /^[^\s:]{1,30}(?: [^\s:]{1,30})?: /u

/**
 * Whether `text` is a label and links only (`Photo Gallery: https://t.co/…
 * pic.twitter.com/…`): the last line of a tweet whose words came before it.
 */
export function isLabelledLinks(text: string): boolean {
  const found = label.exec(text)
  if (!found) return false
  return text.slice(found[0].length).replace(links, ' ').trim() === ''
}
