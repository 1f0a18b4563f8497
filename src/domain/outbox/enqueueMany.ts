import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import type { EnqueueOptions } from './enqueue.ts'
import { OUTBOX_TOPICS, type OutboxData, type OutboxTopic } from './topics.ts'

/**
 * enqueue() for many messages of one topic in one statement (digests: thousands of emails per
 * transaction). Same guarantees: the rows commit or roll back with req's transaction.
 */
export async function enqueueMany<T extends OutboxTopic>(
  req: PayloadRequest,
  topic: T,
  messages: OutboxData<T>[],
  { availableAt, priority = 'transactional' }: EnqueueOptions = {},
): Promise<number> {
  if (messages.length === 0) return 0
  const parsed = messages.map((message) => OUTBOX_TOPICS[topic].parse(message))
  const db = await txDb(req)
  const result = await db.execute(sql`
    INSERT INTO outbox (topic, data, status, priority, attempts, available_at, updated_at, created_at)
    SELECT ${topic}, message, 'pending', ${priority}, 0, ${(availableAt ?? new Date()).toISOString()}::timestamptz, now(), now()
    FROM jsonb_array_elements(${JSON.stringify(parsed)}::jsonb) AS message`)
  return result.rowCount ?? parsed.length
}
