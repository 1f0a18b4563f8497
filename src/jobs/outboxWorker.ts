import { logger } from '../lib/logger.ts'
import type { OutboxServices } from '../domain/outbox/handlers.ts'
import type { OutboxPriority } from '../domain/outbox/statuses.ts'
import { drainLane, OUTBOX_LANES } from './drainOutbox.ts'

export type OutboxWorker = { stop(): Promise<void> }

/**
 * Drains the outbox every `intervalMs` in every instance (claims are SKIP LOCKED, so instances never
 * double-send), one polling loop per priority lane: a long bulk drain never delays the next transactional
 * poll. A drain that handled a full batch runs again at once.
 */
export function startOutboxWorker(services: OutboxServices, intervalMs = 500): OutboxWorker {
  let stopped = false
  const loops = OUTBOX_LANES.map((lane) => pollLane(services, lane, intervalMs, () => stopped))
  return {
    async stop() {
      stopped = true
      await Promise.all(loops.map((loop) => loop.stop()))
    },
  }
}

function pollLane(services: OutboxServices, lane: OutboxPriority, intervalMs: number, stopped: () => boolean) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  const tick = async () => {
    try {
      await drainLane(services, lane, stopped)
    } catch (error) {
      logger.error({ err: error, lane }, 'outbox drain failed')
    }
  }
  const schedule = () => {
    if (stopped()) return
    timer = setTimeout(() => {
      running = tick().finally(schedule)
    }, intervalMs)
  }
  schedule()
  return {
    async stop() {
      clearTimeout(timer)
      await running
    },
  }
}
