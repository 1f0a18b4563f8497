import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'

/** The only writer of storage_usage. Every statement runs in req's transaction. */

/**
 * Adds `bytes` to the user's usage unless that would pass `quota`: one statement, so two uploads in
 * parallel serialise on the user's row and cannot both squeeze under the quota. Returns the new usage,
 * or null (and changes nothing) when the quota would be exceeded.
 */
export async function addUsage(req: PayloadRequest, userId: number, bytes: number, quota: number): Promise<number | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    INSERT INTO storage_usage (user_id, used_bytes, updated_at, created_at)
    SELECT ${userId}, ${bytes}, now(), now() WHERE ${bytes}::numeric <= ${quota}::numeric
    ON CONFLICT (user_id) DO UPDATE SET used_bytes = storage_usage.used_bytes + EXCLUDED.used_bytes, updated_at = now()
      WHERE storage_usage.used_bytes + EXCLUDED.used_bytes <= ${quota}::numeric
    RETURNING used_bytes`)
  const row = firstRow<{ used_bytes: string }>(result)
  return row ? Number(row.used_bytes) : null
}

/** Takes `bytes` off the user's usage (never below zero). */
export async function subtractUsage(req: PayloadRequest, userId: number, bytes: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE storage_usage SET used_bytes = greatest(0, used_bytes - ${bytes}::numeric), updated_at = now() WHERE user_id = ${userId}`)
}

/** The bytes the user stores now. */
export async function usageOf(req: PayloadRequest, userId: number): Promise<number> {
  const db = await txDb(req)
  const row = firstRow<{ used_bytes: string }>(await db.execute(sql`SELECT used_bytes FROM storage_usage WHERE user_id = ${userId}`))
  return row ? Number(row.used_bytes) : 0
}
