import type { PayloadRequest } from 'payload'
import { ForbiddenError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { findItem } from './findItem.ts'
import { updateItemRecord, type ItemChanges } from './itemRecords.ts'
import { itemView, type ItemView } from './itemView.ts'

/**
 * Changes an item: its owner or staff, or someone it was shared with for editing (403 for a view-only
 * share, 404 for anyone else). A search finds the new text as soon as this commits.
 */
export async function updateItem(
  req: PayloadRequest,
  id: number,
  changes: ItemChanges,
  options: { shareToken?: string } = {},
): Promise<ItemView> {
  const { permission } = await findItem(req, id, options)
  if (permission === 'view') throw new ForbiddenError('This item was shared with you to view, not to edit.')
  const updated = await withTransaction(req, () => updateItemRecord(req, id, changes, { asSystem: permission === 'edit' }))
  return itemView(updated)
}
