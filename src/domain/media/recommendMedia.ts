import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Recommendation } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWithSql } from '../sharing/sharedWith.ts'

/** Media others shared with the user, newest first. */
export async function recommendMedia(req: PayloadRequest, userId: number, limit: number): Promise<Recommendation[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT m.id, 'media' AS type, m.original_filename AS title, NULL AS description, 'Shared with you' AS reason, m.created_at AS at
    FROM media m WHERE m.id IN (${sharedWithSql(userId, 'media')}) ORDER BY m.created_at DESC LIMIT ${limit}`)
  return result.rows as Recommendation[]
}
