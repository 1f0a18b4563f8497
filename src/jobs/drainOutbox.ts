import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'
import { MAX_OUTBOX_ATTEMPTS, retryDelaySeconds } from '../domain/outbox/backoff.ts'
import { handleOutboxMessage, type OutboxServices } from '../domain/outbox/handlers.ts'
import { OUTBOX_PRIORITIES, type OutboxPriority } from '../domain/outbox/statuses.ts'
import { concurrencyKey } from '../domain/outbox/topics.ts'
import { outboxHandlers } from './outboxHandlers.ts'

type ClaimedRow = { id: number; topic: string; data: unknown; attempts: string }
type Pool = ReturnType<typeof poolOf>

// One statement claims a batch: SKIP LOCKED lets every instance drain concurrently without taking the same
// row twice; rows stuck in `processing` past their lease (a crashed worker) are claimed again. A lane ($3)
// claims only its priority; without one, transactional rows go first.
const CLAIM_SQL = `
  WITH claimable AS (
    SELECT id FROM outbox
    WHERE ((status = 'pending' AND (available_at IS NULL OR available_at <= $1))
       OR (status = 'processing' AND locked_until < $1))
      AND ($3::text IS NULL OR priority::text = $3)
    ORDER BY priority = 'bulk', id
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  UPDATE outbox SET status = 'processing', locked_until = $1::timestamptz + interval '2 minutes', attempts = attempts + 1
  FROM claimable WHERE outbox.id = claimable.id
  RETURNING outbox.id, outbox.topic, outbox.data, outbox.attempts`

/** Concurrency keys of one claim performed at the same time (the SMTP pool's connections each carry one email). */
export const OUTBOX_IN_FLIGHT = 16

/**
 * Performs due outbox messages (emails and different chat rooms several at once, other topics in order); returns how many it
 * claimed. The deliveries are recorded with one UPDATE per batch (failures one by one, with their error).
 * A function of (services, now) so tests pick the time.
 */
export async function drainOutbox(services: OutboxServices, now: Date, batchSize = 100, lane?: OutboxPriority): Promise<number> {
  const pool = poolOf(services.payload)
  const { rows } = await pool.query<ClaimedRow>(CLAIM_SQL, [now, batchSize, lane ?? null])
  const delivered: number[] = []
  const perform = async (row: ClaimedRow) => {
    try {
      await handleOutboxMessage(row.topic, row.data, services, outboxHandlers)
      delivered.push(row.id)
    } catch (error) {
      await recordFailure(pool, row, error as Error, now)
    }
  }
  // Messages of one concurrency key run in claim order, OUTBOX_IN_FLIGHT keys at once (emails, chat
  // rooms); messages without a key run one after the other in claim order, as their areas expect.
  const inOrder: ClaimedRow[] = []
  const byKey = new Map<string, ClaimedRow[]>()
  for (const row of rows) {
    const key = concurrencyKey(row.topic, row.data, row.id)
    if (key === null) inOrder.push(row)
    else byKey.set(key, [...(byKey.get(key) ?? []), row])
  }
  const groups = [...byKey.values()]
  let next = 0
  const runner = async () => {
    for (let group = groups[next++]; group; group = groups[next++]) for (const row of group) await perform(row)
  }
  await Promise.all([
    (async () => {
      for (const row of inOrder) await perform(row)
    })(),
    ...Array.from({ length: Math.min(OUTBOX_IN_FLIGHT, groups.length) }, runner),
  ])
  if (delivered.length > 0)
    await pool.query(
      `UPDATE outbox SET status = 'done', processed_at = $2, locked_until = NULL, last_error = NULL WHERE id = ANY($1::int[])`,
      [delivered, now],
    )
  return rows.length
}

const LANE_BATCH: Record<OutboxPriority, number> = { transactional: 50, bulk: 200 }

/**
 * Drains one lane until nothing of it is due. Transactional and bulk messages are claimed by separate
 * loops (the worker runs one per lane), so a ticket or a password reset never waits behind
 * a digest of thousands.
 */
export async function drainLane(services: OutboxServices, lane: OutboxPriority, stopped: () => boolean): Promise<void> {
  const batchSize = LANE_BATCH[lane]
  while (!stopped() && (await drainOutbox(services, new Date(), batchSize, lane)) === batchSize);
}

export { OUTBOX_PRIORITIES as OUTBOX_LANES }

async function recordFailure(pool: Pool, row: ClaimedRow, error: Error, now: Date): Promise<void> {
  const attempts = Number(row.attempts)
  const giveUp = attempts >= MAX_OUTBOX_ATTEMPTS
  logger.warn({ err: error, outboxId: row.id, topic: row.topic, attempts, giveUp }, 'outbox message failed')
  const retryAt = new Date(now.getTime() + retryDelaySeconds(attempts) * 1000)
  await pool.query(`UPDATE outbox SET status = $2, available_at = $3, locked_until = NULL, last_error = $4 WHERE id = $1`, [
    row.id,
    giveUp ? 'failed' : 'pending',
    retryAt,
    String(error.message).slice(0, 2000),
  ])
}
