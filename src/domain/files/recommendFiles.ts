import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { intArray, type Recommendation } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWith } from '../sharing/sharedWith.ts'

/** Files others shared with the user, newest first. */
export async function recommendFiles(req: PayloadRequest, userId: number, limit: number): Promise<Recommendation[]> {
  const shared = await sharedWith(req, userId, 'file')
  if (shared.length === 0) return []
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT f.id, 'file' AS type, f.original_filename AS title, f.description, 'Shared with you' AS reason, f.created_at AS at
    FROM files f WHERE f.id = ANY(${intArray(shared)}::int[]) ORDER BY f.created_at DESC LIMIT ${limit}`)
  return result.rows as Recommendation[]
}
