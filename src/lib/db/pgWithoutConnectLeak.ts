import pg from 'pg'

/**
 * Payload 3.90.1 checks out one client while connecting and never releases it (fixed upstream in
 * payloadcms/payload#17831, not yet released): a connection stays pinned and `pool.end()` never
 * resolves. This Pool hands that first checkout back once Payload has attached its error listener.
 */
class Pool extends pg.Pool {
  #connectedOnce = false

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

export const pgWithoutConnectLeak = { ...pg, Pool } as typeof pg
