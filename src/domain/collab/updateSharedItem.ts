import type { PayloadRequest } from 'payload'
import { BadRequestError } from '../../lib/errors.ts'
import type { ItemChanges } from '../items/itemRecords.ts'
import type { ItemView } from '../items/itemView.ts'
import { updateItem } from '../items/updateItem.ts'
import { shareForToken } from '../sharing/shareGrant.ts'

/**
 * Updates the item behind an edit link, for its target user (or any signed-in user when the link names
 * nobody); 403 for a view link or someone else, 410 once revoked or expired.
 */
export async function updateSharedItem(req: PayloadRequest, token: string, changes: ItemChanges): Promise<ItemView> {
  const share = await shareForToken(req, token)
  if (share.resource_type !== 'item') throw new BadRequestError(`This link shares a ${share.resource_type}; only items can be edited.`)
  return updateItem(req, share.resource_id, changes, { shareToken: token })
}
