import { sql } from '@payloadcms/db-postgres'

type SQL = ReturnType<typeof sql>

/**
 * A to_tsquery text for what a user typed: every word must match, and the last one also as a prefix
 * (search-as-you-type). Only letters and digits reach Postgres, so no input can break the query syntax.
 * Null when nothing searchable is left.
 */
export function prefixTsquery(text: string, maxWords = 12): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxWords)
  if (words.length === 0) return null
  return words.map((word, index) => `'${word}'${index === words.length - 1 ? ':*' : ''}`).join(' & ')
}

/**
 * Relevance of a row: ts_rank over the weighted vector, plus 1 when the query matches the title
 * (weight A) at all, so a title match always ranks above matches in the body alone.
 */
export function relevance(vector: SQL, query: SQL): SQL {
  return sql`(ts_rank(${vector}, ${query}) + CASE WHEN ts_filter(${vector}, '{a}') @@ ${query} THEN 1 ELSE 0 END)`
}

/** A short highlighted extract (ts_headline) of `text`, HTML-escaped first so only our <mark> tags are markup. */
export function headline(text: SQL, query: SQL): SQL {
  const escaped = sql`replace(replace(replace(coalesce(${text}, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`
  return sql`ts_headline('english', ${escaped}, ${query}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "')`
}

/** A Postgres int[] literal (one bound parameter however many ids). */
export const intArray = (values: number[]): string => `{${values.map((value) => Math.trunc(value)).join(',')}}`

/** One full-text search result (spec 003 search), whichever area holds the resource. */
export type SearchHit = {
  id: number
  type: 'item' | 'media' | 'file'
  title: string
  description: string | null
  created_at: string | Date
  score: number
  /** HTML: the matching words wrapped in <mark>, everything else escaped. */
  snippet: string
}

/** One recommendation (spec 003): a resource the caller can open, and why it is suggested. */
export type Recommendation = {
  id: number
  type: 'item' | 'media' | 'file'
  title: string
  description: string | null
  reason: string
  at: string | Date
}
