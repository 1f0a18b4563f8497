import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { OutboxPriority } from './statuses.ts'
import { OUTBOX_TOPICS, type OutboxData, type OutboxTopic } from './topics.ts'

export type EnqueueOptions = {
  /** Not before this time (retries and scheduled sends). */
  availableAt?: Date
  /** `bulk` for digests and campaigns: drained only when no transactional message is due. */
  priority?: OutboxPriority
}

/**
 * Records a side effect in req's transaction. It is performed by the outbox worker after the transaction
 * commits, and never if it rolls back, so nobody is emailed about a change that did not happen. One
 * INSERT (it sits on hot paths such as sign-up); the outbox collection has no hooks to run.
 */
export async function enqueue<T extends OutboxTopic>(
  req: PayloadRequest,
  topic: T,
  data: OutboxData<T>,
  { availableAt, priority = 'transactional' }: EnqueueOptions = {},
): Promise<{ id: number }> {
  const parsed = OUTBOX_TOPICS[topic].parse(data) // fail in the caller's transaction, not later in the worker
  const db = await txDb(req)
  const result = await db.execute(sql`
    INSERT INTO outbox (topic, data, status, priority, attempts, available_at)
    VALUES (${topic}, ${JSON.stringify(parsed)}::jsonb, 'pending', ${priority}, 0, ${availableAt ?? new Date()})
    RETURNING id`)
  const row = firstRow<{ id: number }>(result)
  if (!row) throw new Error('the outbox insert returned no row')
  return row
}
