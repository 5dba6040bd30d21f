/**
 * Parsing HTML with cheerio (htmlparser2 mode), safely: nesting deep enough to
 * make the parser quadratic is flattened first, and every walk of the tree is
 * iterative, so no page can overflow the stack.
 */
import {type CheerioAPI, load} from 'cheerio/slim'
import type {AnyNode, Element} from 'domhandler'

/**
 * Nesting kept when parsing. htmlparser2 keeps its open-element stack with
 * `unshift`, so a page nested n levels deep costs n² steps; real pages stay
 * under a few hundred levels.
 */
export const maxNesting = 1000

/** Elements that never have content (HTML Living Standard, "void elements"). */
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])

/** Elements whose end tag is optional: they close each other, so they never nest deep. */
const selfClosingSiblings = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option'])

/** Elements whose content is raw text: tags inside them are not tags. */
const rawTextElements = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext'])

interface TagToken {
  start: number
  end: number
  name: string
  closing: boolean
  opensLevel: boolean
}

/**
 * Scan the tags of `html` in one linear pass (an approximation of the HTML
 * tokenizer: enough to count nesting), calling `onTag` for each.
 */
function scanTags(html: string, onTag: (tag: TagToken) => void): void {
  let index = html.indexOf('<')
  // The first `>` after the last `<` looked at: still the first after the next
  // `<` while it lies beyond it. Searched again for every `<`, a text of many
  // `<` and one late `>` was scanned to that `>` from each (quadratic).
  let close = -1
  while (index !== -1 && index < html.length) {
    if (close <= index) close = html.indexOf('>', index + 1)
    if (close === -1) return
    let cursor = index + 1
    const closing = html.charCodeAt(cursor) === 47 // '/'
    if (closing) cursor++
    let nameEnd = cursor
    while (nameEnd < close && isNameChar(html.charCodeAt(nameEnd))) nameEnd++
    if (nameEnd === cursor) {
      index = html.indexOf('<', index + 1)
      continue
    }
    const name = html.slice(cursor, nameEnd).toLowerCase()
    const selfClosed = html.charCodeAt(close - 1) === 47
    const opensLevel =
      !closing && !selfClosed && !voidElements.has(name) && !selfClosingSiblings.has(name)
    onTag({start: index, end: close + 1, name, closing, opensLevel})
    let next = close + 1
    if (!closing && rawTextElements.has(name)) {
      // Skip to the end tag: `<` inside a script is not markup.
      const endTag = endTagPattern(name)
      endTag.lastIndex = next
      next = endTag.exec(html) === null ? html.length : endTag.lastIndex - name.length - 2
    }
    index = html.indexOf('<', next)
  }
}

/** Per raw-text element, a pattern for its end tag; searching with it from an offset is linear. */
const endTagPatterns = new Map(
  [...rawTextElements].map((name) => [name, new RegExp(`</${name}`, 'gi')] as const),
)

function endTagPattern(name: string): RegExp {
  return endTagPatterns.get(name) as RegExp
}

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 45 || // -
    code === 58 // :
  )
}

/** Deepest nesting of `html`, approximately (implied end tags are not modelled). */
export function nestingDepth(html: string): number {
  let depth = 0
  let deepest = 0
  scanTags(html, (tag) => {
    if (tag.closing) {
      if (!voidElements.has(tag.name) && !selfClosingSiblings.has(tag.name) && depth > 0) depth--
    } else if (tag.opensLevel) {
      depth++
      if (depth > deepest) deepest = depth
    }
  })
  return deepest
}

/**
 * Drop the tags nested deeper than `limit` (their text stays, one level up),
 * so the parser stays linear. Returns `html` itself when nothing is that deep.
 */
export function flattenNesting(html: string, limit: number = maxNesting): string {
  if (nestingDepth(html) <= limit) return html
  const parts: string[] = []
  let depth = 0
  let copied = 0
  // Per tag name, how many of its open tags were dropped, so their end tags go too.
  const dropped = new Map<string, number>()
  scanTags(html, (tag) => {
    let drop = false
    if (tag.closing) {
      const pending = dropped.get(tag.name) ?? 0
      if (pending > 0) {
        dropped.set(tag.name, pending - 1)
        drop = true
      } else if (!voidElements.has(tag.name) && !selfClosingSiblings.has(tag.name) && depth > 0) {
        depth--
      }
    } else if (tag.opensLevel) {
      if (depth >= limit) {
        dropped.set(tag.name, (dropped.get(tag.name) ?? 0) + 1)
        drop = true
      } else {
        depth++
      }
    }
    if (drop) {
      parts.push(html.slice(copied, tag.start), ' ')
      copied = tag.end
    }
  })
  parts.push(html.slice(copied))
  return parts.join('')
}

/** Parse `html` with cheerio in htmlparser2 mode (fast, forgiving, no DOM emulation), as is. */
export function loadHtml(html: string): CheerioAPI {
  return load(html, {xml: {xmlMode: false, decodeEntities: true}})
}

/** Parse `html` like {@link loadHtml}, after flattening nesting deeper than {@link maxNesting}. */
export function parseHtml(html: string): CheerioAPI {
  return loadHtml(flattenNesting(html))
}

/** Lower-cased `class` and `id` of an element, joined by a space. */
export function classAndId(element: Element): string {
  const className = element.attribs.class
  const id = element.attribs.id
  if (className === undefined && id === undefined) return ''
  return `${className ?? ''} ${id ?? ''}`.toLowerCase()
}

/** Whether `node` is an element (including `<script>` and `<style>`). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style'
}

/** Whether `ancestor` contains `node` (or is it). Walks up, so it costs the depth. */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  let current: AnyNode | null = node
  while (current) {
    if (current === ancestor) return true
    current = current.parent
  }
  return false
}

/** The text of `node` and its descendants, without recursion. */
export function textOf(node: AnyNode): string {
  const parts: string[] = []
  const stack: AnyNode[] = [node]
  while (stack.length > 0) {
    const current = stack.pop() as AnyNode
    if (current.type === 'text') parts.push(current.data)
    else if ('children' in current) {
      const children = current.children
      for (let index = children.length - 1; index >= 0; index--) {
        stack.push(children[index] as AnyNode)
      }
    }
  }
  return parts.join('')
}

/** Collapse white space to single spaces and trim. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
