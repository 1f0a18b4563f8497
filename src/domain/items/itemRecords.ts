import type { PayloadRequest } from 'payload'
import type { Item } from '../../payload-types.ts'
import type { ItemStatus } from './statuses.ts'

/** The only writer of `items` (through the Local API, so hooks keep published_at and body_text). */

export type ItemChanges = {
  title?: string
  description?: string | null
  content?: Record<string, unknown>
  item_type?: string
  status?: ItemStatus
  metadata?: Record<string, unknown>
}

/** Creates an item owned by req's user, checked by the collection's access. */
export async function insertItem(req: PayloadRequest, ownerId: number, data: ItemChanges & { title: string }): Promise<Item> {
  return req.payload.create({
    collection: 'items',
    data: { item_type: 'post', status: 'draft', ...data, user: ownerId },
    depth: 0,
    overrideAccess: false,
    req,
  })
}

/**
 * Updates an item. `asSystem` is for an editor through a share, whose right shareGrant established
 * (the collection's access only knows owners and staff).
 */
export async function updateItemRecord(req: PayloadRequest, id: number, changes: ItemChanges, { asSystem = false } = {}): Promise<Item> {
  return req.payload.update({ collection: 'items', id, data: changes, depth: 0, overrideAccess: asSystem, req })
}

/** Deletes an item the collection's access lets req's user delete. */
export async function deleteItemRecord(req: PayloadRequest, id: number): Promise<void> {
  await req.payload.delete({ collection: 'items', id, depth: 0, overrideAccess: false, req })
}
