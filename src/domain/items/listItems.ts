import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { ITEM_VIEW_COLUMNS, type ItemView } from './itemView.ts'
import type { ItemStatus } from './statuses.ts'

export type ItemFilters = { itemType?: string; status?: ItemStatus; offset: number; limit: number }

/** The user's items, most recently changed first (skip/limit, spec 003). */
export async function listItems(req: PayloadRequest, ownerId: number, filters: ItemFilters): Promise<ItemView[]> {
  const db = await txDb(req)
  const conditions = [sql`i.user_id = ${ownerId}`]
  if (filters.itemType) conditions.push(sql`i.item_type = ${filters.itemType}`)
  if (filters.status) conditions.push(sql`i.status = ${filters.status}`)
  const result = await db.execute(sql`
    SELECT ${sql.raw(ITEM_VIEW_COLUMNS)} FROM items i WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY i.updated_at DESC, i.id DESC LIMIT ${filters.limit} OFFSET ${filters.offset}`)
  return result.rows as ItemView[]
}
