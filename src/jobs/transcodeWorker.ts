import pg from 'pg'
import type { Payload } from 'payload'
import { runNextTranscode } from '../domain/media/runNextTranscode.ts'
import { TRANSCODE_WAKEUP_CHANNEL } from '../domain/media/wakeTranscodeWorkers.ts'
import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'

export type TranscodeWorker = { stop(): Promise<void> }

/**
 * Runs queued transcodes one at a time in this instance (ffmpeg is CPU-bound; more instances run more
 * at once, claims are SKIP LOCKED). Woken at once by requestTranscode's NOTIFY after its commit, and
 * polling every `intervalMs` as the safety net (a lost notification, a dead worker's expired lease).
 */
export async function startTranscodeWorker(payload: Payload, intervalMs = 5000): Promise<TranscodeWorker> {
  let stopped = false
  let running: Promise<void> | undefined
  let again = false
  const drain = async () => {
    do {
      again = false
      try {
        while (!stopped && (await runNextTranscode(payload)));
      } catch (error) {
        logger.error({ err: error }, 'transcode worker failed')
      }
    } while (again && !stopped)
    running = undefined
  }
  const wake = () => {
    if (running) again = true
    else running = drain()
  }
  const client = new pg.Client(poolOf(payload).options)
  client.on('notification', wake)
  client.on('error', (error) => logger.warn({ err: error }, 'transcode wake-up connection lost; polling carries on'))
  await client.connect()
  await client.query(`LISTEN ${TRANSCODE_WAKEUP_CHANNEL}`)
  const timer = setInterval(wake, intervalMs)
  wake()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
      await client.end()
    },
  }
}
