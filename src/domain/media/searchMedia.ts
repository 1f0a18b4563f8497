import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { headline, relevance, type SearchHit } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWithSql } from '../sharing/sharedWith.ts'

/** Full-text search over the names of the user's media and media shared with them. */
export async function searchMedia(req: PayloadRequest, userId: number, tsquery: string, limit: number): Promise<SearchHit[]> {
  const db = await txDb(req)
  const q = sql`q.query`
  const result = await db.execute(sql`
    WITH q AS (SELECT to_tsquery('english', ${tsquery}) AS query)
    SELECT m.id, 'media' AS type, m.original_filename AS title, NULL AS description, m.created_at,
      ${relevance(sql`m.search_vector`, q)}::float8 AS score, ${headline(sql`m.original_filename`, q)} AS snippet
    FROM media m, q
    WHERE m.search_vector @@ q.query AND (m.user_id = ${userId} OR m.id IN (${sharedWithSql(userId, 'media')}))
    ORDER BY score DESC, m.id DESC LIMIT ${limit}`)
  return result.rows as SearchHit[]
}
