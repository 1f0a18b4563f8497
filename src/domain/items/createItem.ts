import type { PayloadRequest } from 'payload'
import { insertItem, type ItemChanges } from './itemRecords.ts'
import { itemView, type ItemView } from './itemView.ts'

/** A new item of the caller's (published_at is set by the collection when it is created published). */
export async function createItem(req: PayloadRequest, ownerId: number, input: ItemChanges & { title: string }): Promise<ItemView> {
  return itemView(await insertItem(req, ownerId, input))
}
