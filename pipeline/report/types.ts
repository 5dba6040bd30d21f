/** What the report shows of one record: its table row and its article detail. */

/** One line of the batch table. */
export interface ArticleRow {
  /** Position in the batch (also the key of the article's detail). */
  index: number
  id: string
  title: string | null
  words: number | null
  grade: number | null
  neutrality: number | null
  /** The neutrality verdict (`loaded` below the analyser's threshold). */
  verdict: string | null
  removals: number
  /** Error-severity messages, or 1 for an error record. */
  errors: number
  warnings: number
  /** Rules of the removals, for the rule filter. */
  rules: string[]
}

/** A span shown in the article view, in both texts (`null`: not in that text). */
export interface Overlay {
  original: [number, number] | null
  cleaned: [number, number] | null
}

export interface EditView extends Overlay {
  kind: 'removed' | 'changed'
  ruleId: string
  source: string
  before: string
  after: string
  confidence: number | null
  /** Stable id of a removal for review decisions (see README, QA report). */
  fingerprint: string | null
}

export interface SentenceView extends Overlay {
  grade: number | null
  hard: boolean
  why: string[]
  neutrality: number | null
}

export interface SignalView extends Overlay {
  category: string
  weight: number | null
  text: string
  quoted: boolean
  /** Neutral wording to use instead (`''`: drop the word), when the analyser has one. */
  alternative: string | null
}

export interface MessageView {
  severity: string
  ruleId: string | null
  source: string | null
  reason: string
  line: number | null
  column: number | null
}

/** Everything the article view needs; serialised per article and parsed on demand. */
export interface ArticleDetail {
  id: string
  cleaned: string
  /** The input text, or `null` when it cannot be rebuilt exactly. */
  original: string | null
  /**
   * Where `original` comes from: the record's own `original` field, the text
   * itself (a dry run), the cleaned text and the edits (rebuilt and checked;
   * the page rebuilds it the same way, so it is not sent twice), or nowhere.
   */
  originalFrom: 'record' | 'text' | 'edits' | null
  /** Why `original` is `null`, or how it was obtained, in words. */
  originalNote: string
  edits: EditView[]
  sentences: SentenceView[]
  signals: SignalView[]
  messages: MessageView[]
  error: string | null
  /** Small scalar facts for the metadata panel: meta, readability, neutrality, stamp. */
  facts: Array<[string, string]>
  /** http(s) link to the article, when the record has one. */
  url: string | null
}

export interface ReportArticle {
  row: ArticleRow
  detail: ArticleDetail
}
