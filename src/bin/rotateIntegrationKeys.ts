import { getPayload } from 'payload'
import { closePayload } from '../lib/db/closePayload.ts'
import { resolveDatabase } from '../lib/db/resolveDatabase.ts'
import { logger } from '../lib/logger.ts'

/** `npm run integrations:rotate-keys`: re-encrypts every integration token under the first key of INTEGRATIONS_ENCRYPTION_KEYS. */
const database = await resolveDatabase((message) => logger.info(message))
const { default: payloadConfig } = await import('../../payload.config.ts')
const { rotateTokenKeys } = await import('../domain/integrations/rotateTokenKeys.ts')
const payload = await getPayload({ config: payloadConfig })
try {
  const { reencrypted, keyId } = await rotateTokenKeys(payload)
  logger.info({ reencrypted, keyId }, `re-encrypted ${reencrypted} integration token rows under key "${keyId}"`)
} finally {
  await closePayload(payload)
  await database.stop()
}
