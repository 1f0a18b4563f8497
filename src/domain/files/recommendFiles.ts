import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Recommendation } from '../../lib/db/fullText.ts'
import { txDb } from '../../lib/transaction.ts'
import { sharedWithSql } from '../sharing/sharedWith.ts'

/** Files others shared with the user, newest first. */
export async function recommendFiles(req: PayloadRequest, userId: number, limit: number): Promise<Recommendation[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT f.id, 'file' AS type, f.original_filename AS title, f.description, 'Shared with you' AS reason, f.created_at AS at
    FROM files f WHERE f.id IN (${sharedWithSql(userId, 'file')}) ORDER BY f.created_at DESC LIMIT ${limit}`)
  return result.rows as Recommendation[]
}
