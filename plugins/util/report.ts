import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** Severity of a message: `info` for the audit trail, `warning` for findings, `fatal` for unusable input. */
export type Level = 'info' | 'warning' | 'fatal'

/** Everything a copydesk message must say. */
export interface ReportOptions {
  /** Plugin name (its file name), e.g. `remove-hill-blurbs`. */
  source: string
  /** Rule within the plugin, e.g. `hill-related-blurb`. */
  ruleId: string
  /** Sentence in the form `Unexpected <actual>, expected <fix>`. */
  reason: string
  /** Span in the original text; for a removal, exactly the removed text. */
  place: Position | Point
  /** The text found at `place`. */
  actual: string
  /** Suggested replacements; `['']` means "delete". */
  expected: string[]
  level: Level
  /** Where the rule or its data come from. */
  note?: string | undefined
  /** How sure the rule is (0 to 1), for removals. */
  confidence?: number | undefined
}

/** Base of the documentation links in messages. */
export const docsUrl = 'https://github.com/copydesk/copydesk#'

/** The confidence of a message, when the rule gave one. */
export type ConfidentMessage = VFileMessage & {confidence?: number}

/**
 * Run `make` with no call stacks collected for errors made in it.
 * `VFileMessage` extends `Error`, whose constructor records the call stack,
 * and then sets `stack` to `''`: the frames are collected for nothing. With
 * none asked for, messages are the same and cost a fifth of what they did.
 */
export function withoutStacks<Result>(make: () => Result): Result {
  const frames = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = frames
  }
}

/**
 * Add a message to `file` with every field copydesk promises filled in.
 * Never throws, even at the `fatal` level: a batch must go on.
 */
export function report(file: VFile, options: ReportOptions): ConfidentMessage {
  const message: ConfidentMessage = withoutStacks(() =>
    file.message(options.reason, {
      place: options.place,
      ruleId: options.ruleId,
      source: options.source,
    }),
  )
  message.fatal = options.level === 'fatal' ? true : options.level === 'warning' ? false : undefined
  message.actual = options.actual
  message.expected = options.expected
  message.url = docsUrl + options.source
  if (options.note !== undefined) message.note = options.note
  if (options.confidence !== undefined) message.confidence = options.confidence
  return message
}
