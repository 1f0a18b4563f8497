import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { hashPassword } from './passwords.ts'

/**
 * Stores a password as argon2id: registration, reset, change, and the upgrade of an older hash (Payload's
 * PBKDF2, or argon2id with older parameters) at sign-in. An upgrade passes `onlyIfHashIs`, the hash it
 * verified, so a password changed meanwhile is never undone.
 */
export async function setPassword(
  req: PayloadRequest,
  userId: number,
  password: string,
  { onlyIfHashIs }: { onlyIfHashIs?: string } = {},
): Promise<void> {
  const db = await txDb(req)
  const unchanged = onlyIfHashIs === undefined ? sql`` : sql` AND hash = ${onlyIfHashIs}`
  await db.execute(sql`UPDATE users SET hash = ${await hashPassword(password)}, salt = NULL WHERE id = ${userId}${unchanged}`)
}
