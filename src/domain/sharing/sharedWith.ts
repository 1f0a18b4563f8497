import type { PayloadRequest } from 'payload'
import { resourceIdsSharedWith, resourceIdsSharedWithSql } from './shareRecords.ts'
import type { ShareResourceType } from './statuses.ts'

/** Ids of the resources of one type that others actively share with the user (search, recommendations). */
export async function sharedWith(req: PayloadRequest, userId: number, type: ShareResourceType): Promise<number[]> {
  return resourceIdsSharedWith(req, userId, type)
}

/**
 * The same ids as a subquery, for a search to filter by in its own statement (one round trip instead of
 * two on the search path).
 */
export function sharedWithSql(userId: number, type: ShareResourceType) {
  return resourceIdsSharedWithSql(userId, type)
}
