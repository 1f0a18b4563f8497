import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { intArray, type Recommendation } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWith } from '../sharing/sharedWith.ts'

/** Media others shared with the user, newest first. */
export async function recommendMedia(req: PayloadRequest, userId: number, limit: number): Promise<Recommendation[]> {
  const shared = await sharedWith(req, userId, 'media')
  if (shared.length === 0) return []
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT m.id, 'media' AS type, m.original_filename AS title, NULL AS description, 'Shared with you' AS reason, m.created_at AS at
    FROM media m WHERE m.id = ANY(${intArray(shared)}::int[]) ORDER BY m.created_at DESC LIMIT ${limit}`)
  return result.rows as Recommendation[]
}
