/**
 * One record of a run, read tolerantly into what the report shows: a table row
 * and an article detail. Records come from any copydesk version, so every
 * field may be missing; newer fields (`neutrality`, `meta`, `copydesk`) are
 * shown when present.
 */
import {editInputs, factsOf, headlineOf, safeUrl, scoreOf} from './article-fields.js'
import {fingerprintRemoval} from './fingerprint.js'
import {array, asRecord, numberOr, offsetOf, stringOr, type Unknown} from './read-json.js'
import {
  type EditInput,
  isUnchangedInput,
  OffsetMap,
  type PlacedEdit,
  reconstructOriginal,
} from './reconstruct.js'
import type {
  ArticleDetail,
  ArticleRow,
  MessageView,
  ReportArticle,
  SentenceView,
  SignalView,
} from './types.js'

export type {ArticleDetail, ArticleRow, ReportArticle} from './types.js'

/** Read one record (any JSON value) at `index` of the batch. */
export function readArticle(value: Unknown, index: number): ReportArticle {
  const record = asRecord(value)
  const id = stringOr(record.id, '') || stringOr(record.file, '') || `#${index + 1}`
  const meta = asRecord(record.meta)
  const readability = asRecord(record.readability)
  const neutrality = asRecord(record.neutrality)
  const error = typeof record.error === 'string' ? record.error : null
  const cleaned = stringOr(record.text, '')
  const inputs = editInputs(record)

  let original: string | null = typeof record.original === 'string' ? record.original : null
  let originalFrom: ArticleDetail['originalFrom'] = original === null ? null : 'record'
  let originalNote = original === null ? '' : 'from the record'
  let placed = original === null ? null : reconstructOriginal(cleaned, inputs)
  if (original === null && error === null) {
    if (isUnchangedInput(cleaned, inputs)) {
      // A dry run: the text is the input and nothing was applied.
      original = cleaned
      originalFrom = 'text'
      originalNote = 'dry run: the text is the input, nothing was changed'
    } else {
      placed = reconstructOriginal(cleaned, inputs)
      original = placed?.original ?? null
      originalFrom = placed === null ? null : 'edits'
      originalNote =
        placed === null
          ? 'the edits do not account for the cleaned text, so the original cannot be shown'
          : 'rebuilt from the cleaned text and the recorded edits (checked)'
    }
  }
  const map = placed === null ? null : new OffsetMap(placed.edits)
  const toCleaned = (start: number, end: number): [number, number] | null => {
    if (original === cleaned && placed === null) return [start, end]
    const from = map?.toCleaned(start, 'start')
    const to = map?.toCleaned(end, 'end')
    return from === null || to === null || from === undefined || to === undefined
      ? null
      : [from, to]
  }
  const toOriginal = (start: number, end: number): [number, number] | null => {
    if (original === null) return null
    if (map === null) return [start, end]
    return [map.toOriginal(start), map.toOriginal(end)]
  }

  const edits = (placed?.edits ?? inputs).map((edit: EditInput | PlacedEdit) => {
    const removal = edit.kind === 'removed' ? asRecord(array(record.removed)[edit.index]) : {}
    const inCleaned: [number, number] | null =
      'cleanedStart' in edit ? [edit.cleanedStart, edit.cleanedEnd] : null
    return {
      kind: edit.kind,
      ruleId: edit.ruleId,
      source: edit.source,
      before: edit.before,
      after: edit.after,
      confidence: typeof removal.confidence === 'number' ? removal.confidence : null,
      fingerprint: edit.kind === 'removed' ? fingerprintRemoval(id, edit) : null,
      original: original === null ? null : ([edit.start, edit.end] as [number, number]),
      cleaned: original === cleaned && placed === null ? null : inCleaned,
    }
  })

  const sentences = array(record.sentences).map((value): SentenceView => {
    const item = asRecord(value)
    const start = numberOr(item.start, 0)
    const end = numberOr(item.end, start)
    return {
      cleaned: [start, end],
      original: toOriginal(start, end),
      grade: typeof item.grade === 'number' ? item.grade : null,
      hard: item.hard === true,
      why: array(item.why).filter((reason): reason is string => typeof reason === 'string'),
      neutrality: scoreOf(item.neutrality),
    }
  })

  const signals = array(neutrality.signals).flatMap((value): SignalView[] => {
    const item = asRecord(value)
    const start = offsetOf(item, 'start')
    const end = offsetOf(item, 'end')
    if (start === null || end === null) return []
    const text = stringOr(item.text, '')
    const base = {
      category: stringOr(item.category, 'signal'),
      weight: typeof item.weight === 'number' ? item.weight : null,
      text,
      quoted: item.quoted === true,
      alternative: typeof item.alternative === 'string' ? item.alternative : null,
    }
    // Signals are placed in the original text; older drafts placed them in the cleaned text.
    if (original !== null && (text === '' || original.slice(start, end) === text)) {
      return [{...base, original: [start, end], cleaned: toCleaned(start, end)}]
    }
    if (text === '' || cleaned.slice(start, end) === text) {
      return [{...base, cleaned: [start, end], original: toOriginal(start, end)}]
    }
    return []
  })

  const messages = array(record.messages).map((value): MessageView => {
    const item = asRecord(value)
    return {
      severity: stringOr(item.severity, 'info'),
      ruleId: typeof item.ruleId === 'string' ? item.ruleId : null,
      source: typeof item.source === 'string' ? item.source : null,
      reason: stringOr(item.reason, ''),
      line: typeof item.line === 'number' ? item.line : null,
      column: typeof item.column === 'number' ? item.column : null,
    }
  })

  const title =
    (typeof meta.title === 'string' && meta.title) ||
    (typeof record.title === 'string' && record.title) ||
    headlineOf(cleaned)
  const row: ArticleRow = {
    index,
    id,
    title,
    words: typeof readability.words === 'number' ? readability.words : null,
    grade: typeof readability.grade === 'number' ? readability.grade : null,
    neutrality: scoreOf(record.neutrality),
    verdict: typeof neutrality.verdict === 'string' ? neutrality.verdict : null,
    removals: array(record.removed).length,
    errors: error === null ? messages.filter((message) => message.severity === 'error').length : 1,
    warnings: messages.filter((message) => message.severity === 'warning').length,
    rules: [...new Set(edits.filter((edit) => edit.kind === 'removed').map((e) => e.ruleId))],
  }
  return {
    row,
    detail: {
      id,
      cleaned,
      original,
      originalFrom,
      originalNote: error === null ? originalNote : 'error record: no text',
      edits,
      sentences,
      signals,
      // Info messages of the edits' rules repeat what the text and the removals list show.
      messages: messages.filter(
        (message) =>
          message.severity !== 'info' ||
          !edits.some((edit) => edit.ruleId === message.ruleId && edit.source === message.source),
      ),
      error,
      facts: factsOf(record),
      url: safeUrl(meta.url) ?? safeUrl(record.url),
    },
  }
}
