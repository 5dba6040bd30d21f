/**
 * Substring prefilters for boilerplate rules, read off each rule's regular
 * expression: "needles", strings of which every match must contain one. A
 * text that holds none of a rule's needles cannot match it, so the rule is
 * skipped without running it. Most rules find nothing in most articles, and
 * a substring search costs a small part of running the expression.
 *
 * The analysis is conservative: where it cannot tell (character classes,
 * optional parts, back-references, case-insensitive flags), it claims
 * nothing, and a rule without needles always runs.
 */
import {createRequire} from 'node:module'
import type {AST} from '@eslint-community/regexpp'

/** Largest set of exact strings followed before it is given up. */
const maxExact = 16
/** Needles longer than this are no better as a filter. */
const enoughLength = 8
/**
 * Most needles a rule is given: each is a search of the whole text, and past
 * a few the searches cost what running the rule does.
 */
const maxNeedles = 4

interface Facts {
  /** Every string the node can match, when they are few (`''` included). */
  readonly exact: readonly string[] | undefined
  /** Strings of which every match contains one, if known. */
  readonly needles: readonly string[] | undefined
}

const opaque: Facts = {exact: undefined, needles: undefined}
const empty: Facts = {exact: [''], needles: undefined}

/** How good a needle set is as a filter: long strings first, then few. */
function score(needles: readonly string[]): number {
  let shortest = Number.POSITIVE_INFINITY
  for (const needle of needles) shortest = Math.min(shortest, needle.length)
  return shortest === 0
    ? Number.NEGATIVE_INFINITY
    : Math.min(shortest, enoughLength) * 100 - needles.length
}

function better(
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): readonly string[] | undefined {
  if (!a || score(a) === Number.NEGATIVE_INFINITY) return b
  if (!b || score(b) === Number.NEGATIVE_INFINITY) return a
  return score(b) > score(a) ? b : a
}

/** Every concatenation of a string of `a` and one of `b`, unless too many. */
function product(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > maxExact) return undefined
  const out = new Set<string>()
  for (const x of a) for (const y of b) out.add(x + y)
  return [...out]
}

function union(
  sets: ReadonlyArray<readonly string[] | undefined>,
  limit: number,
): string[] | undefined {
  const out = new Set<string>()
  for (const set of sets) {
    if (!set) return undefined
    for (const item of set) out.add(item)
  }
  return out.size <= limit ? [...out] : undefined
}

function alternativesFacts(alternatives: readonly AST.Alternative[]): Facts {
  const facts = alternatives.map(alternativeFacts)
  const needles = union(
    facts.map((fact) => fact.needles),
    Number.POSITIVE_INFINITY,
  )
  return {
    exact: union(
      facts.map((fact) => fact.exact),
      maxExact,
    ),
    needles,
  }
}

/** A sequence: the best needles of any one element, or of a run of exact elements. */
function alternativeFacts(alternative: AST.Alternative): Facts {
  let needles: readonly string[] | undefined
  let whole: readonly string[] | undefined = ['']
  let run: readonly string[] | undefined = ['']
  for (const element of alternative.elements) {
    const facts = elementFacts(element)
    needles = better(needles, facts.needles)
    whole = whole && facts.exact ? product(whole, facts.exact) : undefined
    const grown: readonly string[] | undefined =
      run && facts.exact ? product(run, facts.exact) : undefined
    // A run that grows too many strings starts again at this element.
    run = grown ?? facts.exact
    if (run) needles = better(needles, run)
  }
  return {exact: whole, needles}
}

function characterClassFacts(node: AST.CharacterClass): Facts {
  if (node.negate || node.unicodeSets) return opaque
  const characters: string[] = []
  for (const element of node.elements) {
    if (element.type === 'Character') characters.push(String.fromCodePoint(element.value))
    else if (element.type === 'CharacterClassRange' && element.max.value - element.min.value < 4) {
      for (let code = element.min.value; code <= element.max.value; code++) {
        characters.push(String.fromCodePoint(code))
      }
    } else return opaque
  }
  const exact = union([characters], maxExact)
  return {exact, needles: exact}
}

function quantifierFacts(node: AST.Quantifier): Facts {
  if (node.max === 0) return empty
  if (node.min === 0) return opaque
  const inner = elementFacts(node.element)
  let exact: readonly string[] | undefined
  if (node.min === node.max && inner.exact && node.min <= 4) {
    exact = ['']
    for (let k = 0; k < node.min && exact; k++) exact = product(exact, inner.exact)
  }
  return {exact, needles: better(inner.needles, exact)}
}

function elementFacts(node: AST.Element): Facts {
  switch (node.type) {
    case 'Character': {
      const value = String.fromCodePoint(node.value)
      return {exact: [value], needles: [value]}
    }
    case 'CharacterClass':
      return characterClassFacts(node)
    case 'Group':
      // Inline modifiers (`(?i:…)`) change what the letters inside match.
      return node.modifiers ? opaque : alternativesFacts(node.alternatives)
    case 'CapturingGroup':
      return alternativesFacts(node.alternatives)
    case 'Quantifier':
      return quantifierFacts(node)
    case 'Assertion':
      // Assertions consume nothing: a lookaround's text may lie outside the match.
      return empty
    default:
      return opaque
  }
}

type RegExpp = typeof import('@eslint-community/regexpp')

let regexpp: RegExpp | undefined

/**
 * regexpp's parser, loaded (its CommonJS build) the first time an expression
 * is analysed: the shipped rules' needles come from the build's table
 * (boilerplate-needle-table.ts), so a start-up without user rules never loads it.
 */
function parseLiteral(pattern: RegExp): AST.RegExpLiteral {
  regexpp ??= createRequire(import.meta.url)('@eslint-community/regexpp') as RegExpp
  return regexpp.parseRegExpLiteral(pattern)
}

/**
 * Strings of which every match of `pattern` contains one, or `undefined`
 * when no useful set is known (the rule must always run).
 */
export function needlesOf(pattern: RegExp): readonly string[] | undefined {
  if (pattern.ignoreCase) return undefined
  let literal: AST.RegExpLiteral
  try {
    literal = parseLiteral(pattern)
  } catch {
    return undefined
  }
  const needles = alternativesFacts(literal.pattern.alternatives).needles
  return needles && needles.length <= maxNeedles && score(needles) !== Number.NEGATIVE_INFINITY
    ? needles
    : undefined
}

/**
 * Whether `text` holds one of `needles` (`undefined`: no filter), with the
 * answers for this text remembered in `seen`, since rules share needles.
 */
export function mayMatch(
  text: string,
  needles: readonly string[] | undefined,
  seen: Map<string, boolean>,
): boolean {
  if (!needles) return true
  for (const needle of needles) {
    let found = seen.get(needle)
    if (found === undefined) {
      found = text.includes(needle)
      seen.set(needle, found)
    }
    if (found) return true
  }
  return false
}
