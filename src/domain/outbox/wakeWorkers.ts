import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'

/** The Postgres channel outbox workers LISTEN on (src/jobs/outboxWorker.ts). */
export const OUTBOX_WAKEUP_CHANNEL = 'outbox_wakeup'

/**
 * Asks every instance's outbox worker to drain now instead of at its next poll. Postgres delivers a
 * NOTIFY only when req's transaction commits (and never if it rolls back), so the push it wakes for is
 * already visible. Used where latency matters: real-time notification pushes.
 */
export async function wakeOutboxWorkers(req: PayloadRequest): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`SELECT pg_notify(${OUTBOX_WAKEUP_CHANNEL}, '')`)
}
