import { logger } from '../lib/logger.ts'
import type { OutboxServices } from '../domain/outbox/handlers.ts'
import { drainOutbox } from './drainOutbox.ts'

export type OutboxWorker = { stop(): Promise<void> }

/**
 * Drains the outbox every `intervalMs` in every instance (claims are SKIP LOCKED, so instances never
 * double-send). A drain that handled a full batch runs again at once.
 */
export function startOutboxWorker(services: OutboxServices, intervalMs = 500): OutboxWorker {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const tick = async () => {
    try {
      while (!stopped && (await drainOutbox(services, new Date())) > 0);
    } catch (error) {
      logger.error({ err: error }, 'outbox drain failed')
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().finally(schedule)
    }, intervalMs)
  }
  schedule()
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
