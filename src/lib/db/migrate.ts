import type { Payload } from 'payload'
import { withAdvisoryLock } from './advisoryLock.ts'
import { poolOf } from './pool.ts'

/**
 * Applies pending migrations from migrations/. Instances starting together queue on an advisory lock,
 * so each migration runs exactly once. No environment ever pushes the schema.
 */
export async function runMigrations(payload: Payload): Promise<void> {
  await withAdvisoryLock(poolOf(payload), 'platform:migrations', () => payload.db.migrate(), { wait: true })
}
