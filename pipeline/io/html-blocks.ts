/**
 * Flatten a parsed page into text blocks: one block per run of text between
 * block-level tags, with what scoring needs to know about it (length, link
 * text, the element that holds it, furniture hints on its ancestors).
 * One iterative walk; nothing here recurses.
 */
import type {AnyNode, Document, Element} from 'domhandler'
import rules from '../../plugins/data/site-rules.json' with {type: 'json'}
import {classAndId, isElement} from './html-dom.js'

/** Where blocks are collected: `<body>`, or the document when a page has none. */
export type Scope = Element | Document

/** A run of text between block-level tags. */
export interface Block {
  /** The text, whitespace collapsed; lines from `<br>` kept. */
  text: string
  /** Characters of text that are not white space. */
  chars: number
  /** Of those, characters inside links. */
  linkChars: number
  /** The nearest block-level element holding the text (the document for a page without <body>). */
  owner: Scope
  /** Heading level 1-6, or 0. */
  heading: number
  /** The innermost ancestor whose class or id marks page furniture, if any. */
  furniture: Element | null
  /** Index in document order. */
  index: number
}

/** Tags whose start and end break the text into blocks (HTML's block-level display). */
const blockTags = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

const droppedTags = new Set(rules.generic.remove.tags)

const furnitureWords = new RegExp(
  `(?:^|[^a-z])(?:${rules.generic.boilerplateClassWords.words.map(escapeRegExp).join('|')})`,
)
const exceptWords = new RegExp(
  `(?:^|[^a-z])(?:${rules.generic.exceptClassWords.words.map(escapeRegExp).join('|')})`,
)

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
}

const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden/i
const spaces = /[\t\n\f\r ]+/g

/** Whether the class or id of `element` marks page furniture (comments, sharing, related links…). */
export function isFurniture(element: Element): boolean {
  const names = classAndId(element)
  return names !== '' && furnitureWords.test(names) && !exceptWords.test(names)
}

/** Whether `element` is hidden from readers by its attributes. */
export function isHidden(element: Element): boolean {
  const attribs = element.attribs
  if (attribs.hidden !== undefined) return true
  if (attribs['aria-hidden'] === 'true') return true
  const style = attribs.style
  return style !== undefined && hiddenStyle.test(style)
}

/** Whether a `<form>` holds article text (some CMSs wrap the whole page in one). */
function formHoldsText(form: Element): boolean {
  const stack: AnyNode[] = [...form.children]
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode
    if (node.type === 'tag') {
      if (node.name === 'p') return true
      for (const child of node.children) stack.push(child)
    }
  }
  return false
}

/** A page cut into blocks. */
export interface Page {
  blocks: Block[]
  /** For each furniture element, the furniture element around it, if any. */
  outerFurniture: Map<Element, Element | null>
}

interface Frame {
  element: Element
  exit: true
}

/**
 * Walk `root` in document order and cut its text into blocks. Elements in
 * `removed` (site rules) and dropped tags, hidden elements and forms without
 * paragraphs are skipped with their content.
 */
export function collectBlocks(root: Scope, removed: ReadonlySet<Element>): Page {
  const blocks: Block[] = []
  const outerFurniture = new Map<Element, Element | null>()
  const owners: Scope[] = [root]
  const furniture: Array<Element | null> = [null]
  let parts: string[] = []
  let chars = 0
  let linkChars = 0
  let links = 0
  let pre = 0

  function flush(): void {
    if (chars > 0) {
      const owner = owners[owners.length - 1] as Scope
      const joined = parts.join('')
      const text =
        pre > 0
          ? joined.replace(/^\n+/, '').trimEnd()
          : joined
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== '')
              .join('\n')
      blocks.push({
        text,
        chars,
        linkChars,
        owner,
        heading: owner.type === 'tag' ? headingLevel(owner.name) : 0,
        furniture: furniture[furniture.length - 1] ?? null,
        index: blocks.length,
      })
    }
    parts = []
    chars = 0
    linkChars = 0
  }

  const stack: Array<AnyNode | Frame> = [...root.children].reverse()
  while (stack.length > 0) {
    const item = stack.pop() as AnyNode | Frame
    if ('exit' in item) {
      const element = item.element
      if (blockTags.has(element.name)) {
        flush()
        owners.pop()
      }
      if (element.name === 'a') links--
      if (element.name === 'pre') pre--
      furniture.pop()
      continue
    }
    if (item.type === 'text') {
      const data = pre > 0 ? item.data : item.data.replace(spaces, ' ')
      parts.push(data)
      const visible = countVisible(data)
      chars += visible
      if (links > 0) linkChars += visible
      continue
    }
    if (!isElement(item)) continue
    const name = item.name
    if (droppedTags.has(name) || item.type !== 'tag' || removed.has(item) || isHidden(item)) {
      continue
    }
    if (name === 'form' && !formHoldsText(item)) continue
    if (name === 'br') {
      parts.push('\n')
      continue
    }
    if (blockTags.has(name)) {
      flush()
      owners.push(item)
    }
    if (name === 'a') links++
    if (name === 'pre') pre++
    const outer = furniture[furniture.length - 1] ?? null
    if (isFurniture(item)) {
      outerFurniture.set(item, outer)
      furniture.push(item)
    } else {
      furniture.push(outer)
    }
    stack.push({element: item, exit: true})
    const children = item.children
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push(children[index] as AnyNode)
    }
  }
  flush()
  return {blocks, outerFurniture}
}

function headingLevel(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 104) return 0 // 'h'
  const level = name.charCodeAt(1) - 48
  return level >= 1 && level <= 6 ? level : 0
}

function countVisible(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13 && code !== 12) count++
  }
  return count
}
