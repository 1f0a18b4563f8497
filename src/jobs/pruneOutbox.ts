import type { Payload } from 'payload'
import { poolOf } from '../lib/db/pool.ts'

/** Days a delivered outbox message is kept for inspection in the admin. */
export const OUTBOX_RETENTION_DAYS = 7

/** Deletes delivered outbox messages older than the retention window; returns how many. */
export async function pruneOutbox(payload: Payload, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 86400_000)
  const { rowCount } = await poolOf(payload).query(`DELETE FROM outbox WHERE status = 'done' AND processed_at < $1`, [cutoff])
  return rowCount ?? 0
}
