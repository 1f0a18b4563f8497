import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'

/** The Postgres channel transcode workers LISTEN on. */
export const TRANSCODE_WAKEUP_CHANNEL = 'media_transcode_wakeup'

/** Tells every instance's transcode worker to look for work; delivered only when req's transaction commits. */
export async function wakeTranscodeWorkers(req: PayloadRequest): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`SELECT pg_notify(${TRANSCODE_WAKEUP_CHANNEL}, '')`)
}
