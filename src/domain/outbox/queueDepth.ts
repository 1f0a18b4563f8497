import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'

export type OutboxDepth = { pending: number; processing: number; failed: number }

/** Messages not delivered yet, by status (read-only; for system stats and /metrics). */
export async function outboxQueueDepth(payload: Payload): Promise<OutboxDepth> {
  const { rows } = await poolOf(payload).query<{ status: string; count: string }>(
    `SELECT status, count(*) AS count FROM outbox WHERE status IN ('pending', 'processing', 'failed') GROUP BY status`,
  )
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0)
  return { pending: count('pending'), processing: count('processing'), failed: count('failed') }
}
