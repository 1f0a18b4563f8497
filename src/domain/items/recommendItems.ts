import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Recommendation } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWithSql } from '../sharing/sharedWith.ts'

/**
 * Items to suggest to the user, each with its reason, only from what they may open (their own and
 * those shared with them): shared with them, similar to the item they worked on last (full-text match
 * on its title words), and recently published (last 30 days). Most relevant reason per item, best first.
 */
export async function recommendItems(req: PayloadRequest, userId: number, limit: number): Promise<Recommendation[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    WITH visible AS (SELECT i.* FROM items i WHERE i.user_id = ${userId} OR i.id IN (${sharedWithSql(userId, 'item')})),
    recent AS (SELECT id, title FROM items WHERE user_id = ${userId} ORDER BY updated_at DESC, id DESC LIMIT 1),
    similar_query AS (
      SELECT r.id, r.title, to_tsquery('english', string_agg(quote_literal(lexeme), ' | ')) AS query
      FROM recent r, unnest(to_tsvector('english', r.title)) GROUP BY r.id, r.title),
    candidates AS (
      SELECT v.id, v.title, v.description, 1 AS rank, 'Shared with you' AS reason, v.updated_at AS at
      FROM visible v WHERE v.user_id <> ${userId}
      UNION ALL
      SELECT v.id, v.title, v.description, 2, 'Similar to "' || s.title || '", which you worked on recently', v.updated_at
      FROM visible v, similar_query s WHERE v.id <> s.id AND v.search_vector @@ s.query
      UNION ALL
      SELECT v.id, v.title, v.description, 3, 'Recently published', v.published_at
      FROM visible v WHERE v.status = 'published' AND v.published_at > now() - interval '30 days')
    SELECT DISTINCT ON (id) id, 'item' AS type, title, description, reason, at, rank FROM candidates ORDER BY id, rank, at DESC`)
  const rows = result.rows as (Recommendation & { rank: number })[]
  return rows
    .sort((a, b) => a.rank - b.rank || new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, limit)
    .map(({ rank: _rank, ...recommendation }) => recommendation)
}
