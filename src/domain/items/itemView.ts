import { extractID } from 'payload/shared'
import type { Item } from '../../payload-types.ts'
import type { ItemStatus } from './statuses.ts'

/** An item as the API shows it (spec 003's keys), from a Payload document or a row of `items`. */
export type ItemView = {
  id: number
  title: string
  description: string | null
  content: unknown
  item_type: string
  status: ItemStatus
  user_id: number
  metadata: unknown
  created_at: string | Date
  updated_at: string | Date
  published_at: string | Date | null
}

/** The columns of `items` that make an ItemView, for hand-written queries (alias `i`). */
export const ITEM_VIEW_COLUMNS = `i.id, i.title, i.description, i.content, i.item_type, i.status, i.user_id, i.metadata,
  i.created_at, i.updated_at, i.published_at`

export function itemView(doc: Item): ItemView {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description ?? null,
    content: doc.content ?? {},
    item_type: doc.item_type,
    status: doc.status,
    user_id: Number(extractID(doc.user)),
    metadata: doc.metadata ?? {},
    created_at: doc.createdAt,
    updated_at: doc.updatedAt,
    published_at: doc.published_at ?? null,
  }
}
