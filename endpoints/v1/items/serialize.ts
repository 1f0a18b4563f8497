import type { ItemView } from '../../../src/domain/items/itemView.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

/** spec 003's item. */
export function serializeItem(item: ItemView) {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    content: item.content ?? {},
    item_type: item.item_type,
    status: item.status,
    user_id: item.user_id,
    metadata: item.metadata ?? {},
    created_at: iso(item.created_at),
    updated_at: iso(item.updated_at),
    published_at: isoOrNull(item.published_at),
  }
}
