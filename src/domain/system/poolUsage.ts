import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'

export type PoolUsage = { total: number; idle: number; waiting: number; max: number }

/** The database pool right now: open connections, idle ones, callers waiting for one, the ceiling. */
export function poolUsage(payload: Payload): PoolUsage {
  const pool = poolOf(payload)
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }
}
