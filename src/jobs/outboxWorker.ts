import pg from 'pg'
import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'
import type { OutboxServices } from '../domain/outbox/handlers.ts'
import type { OutboxPriority } from '../domain/outbox/statuses.ts'
import { OUTBOX_WAKEUP_CHANNEL } from '../domain/outbox/wakeWorkers.ts'
import { drainLane, OUTBOX_LANES } from './drainOutbox.ts'

export type OutboxWorker = { stop(): Promise<void> }

/**
 * Drains the outbox in every instance (claims are SKIP LOCKED, so instances never double-send), one
 * drainer per priority lane: a long bulk drain never delays a transactional message. A lane drains as
 * soon as a transaction that enqueued a push commits (wakeOutboxWorkers NOTIFYs), so real-time pushes
 * reach clients in milliseconds, and otherwise `intervalMs` after its last drain: the poll is the safety
 * net (a lost connection or notification only costs latency). Wake-ups during a drain coalesce into one more.
 */
export async function startOutboxWorker(services: OutboxServices, intervalMs = 500): Promise<OutboxWorker> {
  let stopped = false
  const lanes = OUTBOX_LANES.map((lane) => laneDrainer(services, lane, intervalMs, () => stopped))
  const client = new pg.Client(poolOf(services.payload).options)
  client.on('notification', () => lanes.forEach((lane) => lane.wake()))
  client.on('error', (error) => logger.warn({ err: error }, 'outbox wake-up connection lost; polling carries on'))
  await client.connect()
  await client.query(`LISTEN ${OUTBOX_WAKEUP_CHANNEL}`)
  return {
    async stop() {
      stopped = true
      await Promise.all(lanes.map((lane) => lane.stop()))
      await client.end()
    },
  }
}

function laneDrainer(services: OutboxServices, lane: OutboxPriority, intervalMs: number, stopped: () => boolean) {
  let poll: NodeJS.Timeout | undefined
  let draining: Promise<void> | undefined
  let again = false
  const drain = async () => {
    do {
      again = false
      try {
        await drainLane(services, lane, stopped)
      } catch (error) {
        logger.error({ err: error, lane }, 'outbox drain failed')
      }
    } while (again && !stopped())
    draining = undefined
    if (!stopped()) poll = setTimeout(wake, intervalMs)
  }
  const wake = () => {
    if (stopped()) return
    clearTimeout(poll)
    if (draining) again = true
    else draining = drain()
  }
  poll = setTimeout(wake, intervalMs)
  return {
    wake,
    async stop() {
      clearTimeout(poll)
      await draining
    },
  }
}
