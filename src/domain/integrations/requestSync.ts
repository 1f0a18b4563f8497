import type { PayloadRequest } from 'payload'
import { BadRequestError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { freshAccessToken } from './freshAccessToken.ts'
import { claimSync, type IntegrationRow } from './integrationRecords.ts'
import { integrationStatus } from './integrationStatus.ts'

const SYNCABLE = new Set(['github'])

/**
 * Makes sure the token works (refreshing it once if it expired), then queues one background sync; a
 * request while one is queued or running joins it. Progress shows in GET {service}/status.
 */
export async function requestSync(
  req: PayloadRequest,
  ownerId: number,
  service: string,
): Promise<{ row: IntegrationRow; queued: boolean }> {
  const row = await integrationStatus(req.payload, ownerId, service)
  if (!SYNCABLE.has(service)) throw new BadRequestError(`Sync is not available for ${service} yet; it is connected and reports status.`)
  await freshAccessToken(req.payload, row.id)
  const claimed = await withTransaction(req, async () => {
    const queued = await claimSync(req, row.id)
    if (queued) await enqueue(req, 'integrations.sync', { integration_id: row.id })
    return queued
  })
  // Joined a sync already under way: show where it is now.
  if (!claimed) return { row: await integrationStatus(req.payload, ownerId, service), queued: false }
  return { row: claimed, queued: true }
}
