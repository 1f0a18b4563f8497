import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { hashPassword } from './passwords.ts'

/**
 * Replaces a verified password's stored hash (Payload's PBKDF2, or argon2id with older parameters) by an
 * argon2id hash. Conditional on the hash being unchanged, so a password changed meanwhile is never undone.
 */
export async function upgradePasswordHash(req: PayloadRequest, userId: number, previousHash: string, password: string): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE users SET hash = ${await hashPassword(password)}, salt = NULL WHERE id = ${userId} AND hash = ${previousHash}`)
}

/** Sets a new password (argon2id) for a user: registration, reset, change. */
export async function setPassword(req: PayloadRequest, userId: number, password: string): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE users SET hash = ${await hashPassword(password)}, salt = NULL WHERE id = ${userId}`)
}
