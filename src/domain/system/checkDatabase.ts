import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'

/** True when the database answers a trivial query within `timeoutMs`. Never throws. */
export async function checkDatabase(payload: Payload, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  const query = poolOf(payload)
    .query('SELECT 1')
    .then(
      () => true,
      () => false,
    )
  try {
    return await Promise.race([query, timeout])
  } finally {
    clearTimeout(timer)
  }
}
