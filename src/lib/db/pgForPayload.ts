import pg from 'pg'
import { logger } from '../logger.ts'

/**
 * The pg module handed to Payload's adapter, with a Pool that fixes two problems of Payload 3.90.1:
 * - An idle client that loses its connection (Postgres restarted, backend terminated) makes the pool
 *   emit 'error'; with no listener that crashes the process. We log it; the pool replaces the client.
 * - connect() checks out one client and never releases it (fixed upstream in payloadcms/payload#17831,
 *   not yet released): a connection stays pinned and `pool.end()` never resolves. We hand that first
 *   checkout back once Payload has attached its listener.
 */
class Pool extends pg.Pool {
  #connectedOnce = false

  constructor(options?: pg.PoolConfig) {
    super(options)
    this.on('error', (error: Error & { code?: string }) =>
      logger.warn({ code: error.code, error: error.message }, 'idle database connection lost; the pool will reconnect'),
    )
  }

  override connect(): Promise<pg.PoolClient>
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void
  override connect(...args: unknown[]): Promise<pg.PoolClient> | void {
    if (args.length > 0) return (super.connect as (...a: unknown[]) => void)(...args)
    if (this.#connectedOnce) return super.connect()
    this.#connectedOnce = true
    return super.connect().then((client) => {
      setImmediate(() => client.release())
      return client
    })
  }
}

export const pgForPayload = { ...pg, Pool } as typeof pg
