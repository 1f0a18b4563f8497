import type pg from 'pg'

/**
 * Runs `fn` while this process holds the advisory lock `key`, so work that must happen once across all
 * instances (migrations, cron jobs) does. With `wait: false` it returns `{ ran: false }` when another
 * instance holds the lock instead of waiting for it.
 */
export async function withAdvisoryLock<T>(
  pool: pg.Pool,
  key: string,
  fn: () => Promise<T>,
  { wait }: { wait: boolean },
): Promise<{ ran: true; result: T } | { ran: false }> {
  const client = await pool.connect()
  try {
    if (wait) {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [key])
    } else {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key])
      if (!rows[0]?.locked) return { ran: false }
    }
    try {
      return { ran: true, result: await fn() }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key])
    }
  } finally {
    client.release()
  }
}
