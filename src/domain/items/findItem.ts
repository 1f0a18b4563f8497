import type { PayloadRequest } from 'payload'
import type { Item } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findAsSystem } from '../../lib/readAsSystem.ts'
import { shareGrant } from '../sharing/shareGrant.ts'
import type { SharePermission } from '../sharing/statuses.ts'

export type ItemAccess = { item: Item; permission: 'own' | SharePermission }

/**
 * An item the caller may see: their own (or any, for staff) through the collection's access, else one
 * shared with them (by link token or to their account). 404 otherwise, so other users' items stay
 * invisible; 410 for a revoked or expired link.
 */
export async function findItem(req: PayloadRequest, id: number, { shareToken }: { shareToken?: string } = {}): Promise<ItemAccess> {
  const own = await req.payload.findByID({ collection: 'items', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (own && !shareToken) return { item: own, permission: 'own' }
  const userId = req.user ? Number(req.user.id) : undefined
  const permission = await shareGrant(req, { type: 'item', id }, { token: shareToken, userId })
  if (own) return { item: own, permission: 'own' }
  if (!permission) throw new NotFoundError('Item not found.')
  // overrideAccess: the share grant above is what allows this caller to read the item.
  const item = await findAsSystem(req, 'items', id)
  if (!item) throw new NotFoundError('Item not found.')
  return { item, permission }
}
