import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type pg from 'pg'

/** The pg pool behind Payload (payload.db is typed as the generic adapter, hence the cast). */
export function poolOf(payload: Payload): pg.Pool {
  return (payload.db as unknown as PostgresAdapter).pool
}
