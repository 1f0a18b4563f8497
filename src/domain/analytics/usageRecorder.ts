import type { Payload } from 'payload'
import type pg from 'pg'
import { config } from '../../lib/config.ts'
import { poolOf } from '../../lib/db/pool.ts'
import { logger } from '../../lib/logger.ts'
import { insertUsageRows, type UsageRow } from './analyticsRecords.ts'

export type UsageRecorderOptions = { maxBuffer: number; batchSize: number; flushIntervalMs: number }
export type UsageRecorderStats = { buffered: number; recorded: number; dropped: number; failed: number }

/**
 * Buffers usage rows in memory and writes them in batches, at most one batch in flight. `record` never
 * waits and never throws: when the buffer is full (the database is slow or stalled) the row is dropped
 * and counted, so requests are never slowed by their own bookkeeping.
 */
export class UsageRecorder {
  readonly #pool: pg.Pool
  readonly #options: UsageRecorderOptions
  #buffer: UsageRow[] = []
  #inFlight: Promise<void> | undefined
  readonly #timer: NodeJS.Timeout
  readonly #stats = { recorded: 0, dropped: 0, failed: 0 }

  constructor(pool: pg.Pool, options: UsageRecorderOptions) {
    this.#pool = pool
    this.#options = options
    this.#timer = setInterval(() => void this.flush(), options.flushIntervalMs)
    this.#timer.unref()
  }

  record(row: UsageRow): void {
    if (this.#buffer.length >= this.#options.maxBuffer) {
      this.#stats.dropped++
      return
    }
    this.#buffer.push(row)
    if (this.#buffer.length >= this.#options.batchSize && !this.#inFlight) setImmediate(() => void this.flush())
  }

  /** Writes everything buffered so far (waiting for a batch already in flight first). */
  async flush(): Promise<void> {
    while (this.#inFlight) await this.#inFlight
    if (this.#buffer.length === 0) return
    const batch = this.#buffer.splice(0, this.#options.batchSize)
    this.#inFlight = this.#write(batch).finally(() => (this.#inFlight = undefined))
    await this.#inFlight
    if (this.#buffer.length >= this.#options.batchSize) await this.flush()
  }

  async #write(batch: UsageRow[]): Promise<void> {
    try {
      await insertUsageRows(this.#pool, batch)
      this.#stats.recorded += batch.length
    } catch (error) {
      // Analytics are best effort: a failed batch is counted and logged, never retried into an ever-growing buffer.
      this.#stats.failed += batch.length
      logger.error({ err: error, rows: batch.length }, 'analytics: writing a batch failed')
    }
  }

  stats(): UsageRecorderStats {
    return { buffered: this.#buffer.length, ...this.#stats }
  }

  /** Stops the timer and writes what is left (shutdown). */
  async stop(): Promise<void> {
    clearInterval(this.#timer)
    while (this.#buffer.length > 0 || this.#inFlight) await this.flush()
  }
}

const recorders = new WeakMap<Payload, UsageRecorder>()

/** The recorder of this Payload instance (one per server; several in multi-instance tests). */
export function usageRecorderFor(payload: Payload): UsageRecorder {
  let recorder = recorders.get(payload)
  if (!recorder) {
    recorder = new UsageRecorder(poolOf(payload), {
      maxBuffer: config.ANALYTICS_BUFFER_MAX,
      batchSize: config.ANALYTICS_BATCH_SIZE,
      flushIntervalMs: config.ANALYTICS_FLUSH_INTERVAL_MS,
    })
    recorders.set(payload, recorder)
  }
  return recorder
}

/** Flushes and forgets this instance's recorder, if it has one. */
export async function stopUsageRecorder(payload: Payload): Promise<void> {
  const recorder = recorders.get(payload)
  recorders.delete(payload)
  await recorder?.stop()
}
