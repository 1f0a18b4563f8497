import { getPayload } from 'payload'
import { closePayload } from '../lib/db/closePayload.ts'
import { runMigrations } from '../lib/db/migrate.ts'
import { resolveDatabase } from '../lib/db/resolveDatabase.ts'
import { logger } from '../lib/logger.ts'

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits. */
const database = await resolveDatabase((message) => logger.info(message))
const { default: payloadConfig } = await import('../../payload.config.ts')
const payload = await getPayload({ config: payloadConfig })
try {
  await runMigrations(payload)
} finally {
  await closePayload(payload)
  await database.stop()
}
