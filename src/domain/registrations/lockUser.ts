import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'

/**
 * Serialises one user's registrations: the overlap check and the insert then see each other's effects,
 * whatever the concurrency. A row lock on the user, compatible with the foreign-key locks of inserts.
 */
export async function lockUser(req: PayloadRequest, userId: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`SELECT id FROM users WHERE id = ${userId} FOR NO KEY UPDATE`)
}
