import type { PayloadRequest } from 'payload'
import type { Item } from '../../payload-types.ts'
import { findOwnOrShared } from '../sharing/findOwnOrShared.ts'
import type { SharePermission } from '../sharing/statuses.ts'

export type ItemAccess = { item: Item; permission: 'own' | SharePermission }

/**
 * An item the caller may see: their own (or any, for staff) through the collection's access, else one
 * shared with them (by link token or to their account). 404 otherwise, so other users' items stay
 * invisible; 410 for a revoked or expired link.
 */
export async function findItem(req: PayloadRequest, id: number, { shareToken }: { shareToken?: string } = {}): Promise<ItemAccess> {
  const { doc, permission } = await findOwnOrShared(req, 'items', { type: 'item', id }, { shareToken, notFound: 'Item not found.' })
  return { item: doc, permission }
}
