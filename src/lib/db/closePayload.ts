import type { Payload } from 'payload'
import { poolOf } from './pool.ts'

/** payload.destroy() leaves the pg pool open; ending it too lets the process (and jest) exit on its own. */
export async function closePayload(payload: Payload): Promise<void> {
  const pool = poolOf(payload)
  await payload.destroy()
  if (pool && !pool.ended) await pool.end()
}
