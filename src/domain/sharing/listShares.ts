import type { PayloadRequest } from 'payload'
import { sharesBy, type ShareRow } from './shareRecords.ts'
import type { ShareResourceType } from './statuses.ts'

/** The shares the user made (active, expired and revoked), newest first. */
export async function listShares(
  req: PayloadRequest,
  ownerId: number,
  filters: { type?: ShareResourceType; offset: number; limit: number },
): Promise<ShareRow[]> {
  return sharesBy(req, ownerId, filters)
}
