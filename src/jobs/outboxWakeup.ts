import pg from 'pg'
import { OUTBOX_WAKEUP_CHANNEL } from '../domain/outbox/wakeWorkers.ts'
import type { OutboxServices } from '../domain/outbox/handlers.ts'
import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'
import { drainOutbox } from './drainOutbox.ts'

export type OutboxWakeup = { stop(): Promise<void> }

/**
 * Drains the outbox as soon as a transaction that enqueued a push commits (wakeOutboxWorkers NOTIFYs),
 * instead of at the worker's next poll: real-time pushes reach clients in milliseconds. Runs next to the
 * polling worker, which stays the safety net (a lost connection or notification only costs latency);
 * claims are SKIP LOCKED, so both never take the same row. Wake-ups during a drain coalesce into one more.
 */
export async function startOutboxWakeup(services: OutboxServices): Promise<OutboxWakeup> {
  const client = new pg.Client(poolOf(services.payload).options)
  let draining: Promise<void> | undefined
  let again = false
  let stopped = false
  const drain = async () => {
    do {
      again = false
      try {
        while (!stopped && (await drainOutbox(services, new Date())) > 0);
      } catch (error) {
        logger.error({ err: error }, 'outbox wake-up drain failed')
      }
    } while (again && !stopped)
    draining = undefined
  }
  client.on('notification', () => {
    if (draining) again = true
    else draining = drain()
  })
  client.on('error', (error) => logger.warn({ err: error }, 'outbox wake-up connection lost; the polling worker carries on'))
  await client.connect()
  await client.query(`LISTEN ${OUTBOX_WAKEUP_CHANNEL}`)
  return {
    async stop() {
      stopped = true
      await draining
      await client.end()
    },
  }
}
