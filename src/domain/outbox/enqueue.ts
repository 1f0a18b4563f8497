import type { PayloadRequest } from 'payload'
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
 * commits, and never if it rolls back, so nobody is emailed about a change that did not happen.
 */
export async function enqueue<T extends OutboxTopic>(
  req: PayloadRequest,
  topic: T,
  data: OutboxData<T>,
  { availableAt, priority = 'transactional' }: EnqueueOptions = {},
) {
  const parsed = OUTBOX_TOPICS[topic].parse(data) // fail in the caller's transaction, not later in the worker
  return req.payload.create({
    collection: 'outbox',
    // overrideAccess: the outbox is system bookkeeping that no API caller may write directly.
    overrideAccess: true,
    req,
    depth: 0,
    data: {
      topic,
      data: parsed as Record<string, unknown>,
      status: 'pending',
      priority,
      attempts: 0,
      available_at: (availableAt ?? new Date()).toISOString(),
    },
  })
}
