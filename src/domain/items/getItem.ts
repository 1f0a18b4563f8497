import type { PayloadRequest } from 'payload'
import { findItem } from './findItem.ts'
import { itemView, type ItemView } from './itemView.ts'

/** One item the caller may see (own, staff, or shared with them); 404 otherwise. */
export async function getItem(req: PayloadRequest, id: number, options: { shareToken?: string } = {}): Promise<ItemView> {
  return itemView((await findItem(req, id, options)).item)
}
