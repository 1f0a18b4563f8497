import pg from 'pg'
import { OUTBOX_WAKEUP_CHANNEL } from '../domain/outbox/wakeWorkers.ts'
import type { OutboxServices } from '../domain/outbox/handlers.ts'
import type { OutboxPriority } from '../domain/outbox/statuses.ts'
import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'
import { drainLane, OUTBOX_LANES } from './drainOutbox.ts'

export type OutboxWakeup = { stop(): Promise<void> }

/**
 * Drains the outbox as soon as a transaction that enqueued a push commits (wakeOutboxWorkers NOTIFYs),
 * instead of at the worker's next poll: real-time pushes reach clients in milliseconds. Runs next to the
 * polling worker, which stays the safety net (a lost connection or notification only costs latency);
 * claims are SKIP LOCKED, so both never take the same row. Each lane drains on its own (a bulk drain in
 * progress never holds a transactional one back); wake-ups during a lane's drain coalesce into one more.
 */
export async function startOutboxWakeup(services: OutboxServices): Promise<OutboxWakeup> {
  const client = new pg.Client(poolOf(services.payload).options)
  let stopped = false
  const lanes = OUTBOX_LANES.map((lane) => laneDrainer(services, lane, () => stopped))
  client.on('notification', () => lanes.forEach((lane) => lane.wake()))
  client.on('error', (error) => logger.warn({ err: error }, 'outbox wake-up connection lost; the polling worker carries on'))
  await client.connect()
  await client.query(`LISTEN ${OUTBOX_WAKEUP_CHANNEL}`)
  return {
    async stop() {
      stopped = true
      await Promise.all(lanes.map((lane) => lane.draining()))
      await client.end()
    },
  }
}

function laneDrainer(services: OutboxServices, lane: OutboxPriority, stopped: () => boolean) {
  let draining: Promise<void> | undefined
  let again = false
  const drain = async () => {
    do {
      again = false
      try {
        await drainLane(services, lane, stopped)
      } catch (error) {
        logger.error({ err: error, lane }, 'outbox wake-up drain failed')
      }
    } while (again && !stopped())
    draining = undefined
  }
  return {
    wake() {
      if (draining) again = true
      else draining = drain()
    },
    draining: () => draining,
  }
}
