import { resourceIdsSharedWithSql } from './shareRecords.ts'
import type { ShareResourceType } from './statuses.ts'

/**
 * Ids of the resources of one type that others actively share with the user, as a subquery: search and
 * recommendations filter by it in their own statement (one round trip, not two).
 */
export function sharedWithSql(userId: number, type: ShareResourceType) {
  return resourceIdsSharedWithSql(userId, type)
}
