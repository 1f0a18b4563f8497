import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'
import { MAX_OUTBOX_ATTEMPTS, retryDelaySeconds } from '../domain/outbox/backoff.ts'
import { handleOutboxMessage, type OutboxServices } from '../domain/outbox/handlers.ts'
import { outboxHandlers } from './outboxHandlers.ts'

type ClaimedRow = { id: number; topic: string; data: unknown; attempts: string }

// One statement claims a batch: SKIP LOCKED lets every instance drain concurrently without taking the same
// row twice; rows stuck in `processing` past their lease (a crashed worker) are claimed again.
const CLAIM_SQL = `
  WITH claimable AS (
    SELECT id FROM outbox
    WHERE (status = 'pending' AND (available_at IS NULL OR available_at <= $1))
       OR (status = 'processing' AND locked_until < $1)
    ORDER BY priority = 'bulk', id
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  UPDATE outbox SET status = 'processing', locked_until = $1::timestamptz + interval '2 minutes', attempts = attempts + 1
  FROM claimable WHERE outbox.id = claimable.id
  RETURNING outbox.id, outbox.topic, outbox.data, outbox.attempts`

/** Performs due outbox messages; returns how many it handled. A function of (services, now) so tests pick the time. */
export async function drainOutbox(services: OutboxServices, now: Date, batchSize = 25): Promise<number> {
  const pool = poolOf(services.payload)
  const { rows } = await pool.query<ClaimedRow>(CLAIM_SQL, [now, batchSize])
  for (const row of rows) {
    try {
      await handleOutboxMessage(row.topic, row.data, services, outboxHandlers)
      await pool.query(`UPDATE outbox SET status = 'done', processed_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1`, [
        row.id,
        now,
      ])
    } catch (error) {
      await recordFailure(pool, row, error as Error, now)
    }
  }
  return rows.length
}

async function recordFailure(pool: ReturnType<typeof poolOf>, row: ClaimedRow, error: Error, now: Date): Promise<void> {
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
