import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { deleteItemRecord } from './itemRecords.ts'

/** Deletes one of the caller's items (staff: any); 404 when they have no such item. */
export async function deleteItem(req: PayloadRequest, id: number): Promise<void> {
  const own = await req.payload.findByID({ collection: 'items', id, depth: 0, select: {}, overrideAccess: false, req, disableErrors: true })
  if (!own) throw new NotFoundError('Item not found.')
  await deleteItemRecord(req, id)
}
