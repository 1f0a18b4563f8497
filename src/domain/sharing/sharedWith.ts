import type { PayloadRequest } from 'payload'
import { resourceIdsSharedWith } from './shareRecords.ts'
import type { ShareResourceType } from './statuses.ts'

/** Ids of the resources of one type that others actively share with the user (search, recommendations). */
export async function sharedWith(req: PayloadRequest, userId: number, type: ShareResourceType): Promise<number[]> {
  return resourceIdsSharedWith(req, userId, type)
}
