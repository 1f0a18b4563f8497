import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { headline, relevance, type SearchHit } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWithSql } from '../sharing/sharedWith.ts'

/** Full-text search over the names, descriptions and tags of the user's files and files shared with them. */
export async function searchFiles(req: PayloadRequest, userId: number, tsquery: string, limit: number): Promise<SearchHit[]> {
  const db = await txDb(req)
  const q = sql`q.query`
  const result = await db.execute(sql`
    WITH q AS (SELECT to_tsquery('english', ${tsquery}) AS query)
    SELECT f.id, 'file' AS type, f.original_filename AS title, f.description, f.created_at,
      ${relevance(sql`f.search_vector`, q)}::float8 AS score,
      ${headline(sql`concat_ws(' … ', f.description, (SELECT string_agg(t, ', ') FROM jsonb_array_elements_text(f.tags) t))`, q)} AS snippet
    FROM files f, q
    WHERE f.search_vector @@ q.query AND (f.user_id = ${userId} OR f.id IN (${sharedWithSql(userId, 'file')}))
    ORDER BY score DESC, f.id DESC LIMIT ${limit}`)
  return result.rows as SearchHit[]
}
