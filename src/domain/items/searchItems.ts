import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { headline, relevance, type SearchHit } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWithSql } from '../sharing/sharedWith.ts'

/**
 * Full-text search over the user's items and those shared with them (GIN index on search_vector, which
 * is a generated column, so a committed write is found at once). Best first; title matches first.
 */
export async function searchItems(req: PayloadRequest, userId: number, tsquery: string, limit: number): Promise<SearchHit[]> {
  const db = await txDb(req)
  const q = sql`q.query`
  const result = await db.execute(sql`
    WITH q AS (SELECT to_tsquery('english', ${tsquery}) AS query),
    hits AS (
      SELECT i.id, ${relevance(sql`i.search_vector`, q)} AS score
      FROM items i, q
      WHERE i.search_vector @@ q.query AND (i.user_id = ${userId} OR i.id IN (${sharedWithSql(userId, 'item')}))
      ORDER BY score DESC, i.id DESC LIMIT ${limit})
    SELECT i.id, 'item' AS type, i.title, i.description, i.created_at, hits.score::float8 AS score,
      ${headline(sql`concat_ws(' … ', i.description, i.body_text)`, q)} AS snippet
    FROM hits JOIN items i ON i.id = hits.id, q
    ORDER BY hits.score DESC, i.id DESC`)
  return result.rows as SearchHit[]
}
