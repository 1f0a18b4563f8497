import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { INBOX_COLUMNS, visibleTo, type InboxRow } from './inboxRow.ts'
import type { NotificationPriority } from './statuses.ts'

export type InboxFilters = {
  isRead?: boolean
  typeCode?: string
  priority?: NotificationPriority
  createdAfter?: Date
  createdBefore?: Date
}

/** The conditions of an inbox query: the user's visible notifications narrowed by the filters. */
export function inboxWhere(userId: number, filters: InboxFilters) {
  const conditions = [visibleTo(userId)]
  if (filters.isRead !== undefined) conditions.push(sql`n.is_read = ${filters.isRead}`)
  if (filters.typeCode) conditions.push(sql`t.code = ${filters.typeCode}`)
  if (filters.priority) conditions.push(sql`n.priority = ${filters.priority}`)
  if (filters.createdAfter) conditions.push(sql`n.created_at >= ${filters.createdAfter.toISOString()}::timestamptz`)
  if (filters.createdBefore) conditions.push(sql`n.created_at <= ${filters.createdBefore.toISOString()}::timestamptz`)
  return sql.join(conditions, sql` AND `)
}

/**
 * One page of the user's inbox, newest first, and how many match: two hand-written queries on the
 * inbox index (recipient, created_at DESC, id DESC), run side by side.
 */
export async function listNotifications(
  req: PayloadRequest,
  userId: number,
  filters: InboxFilters,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ rows: InboxRow[]; total: number }> {
  const db = await txDb(req)
  const where = inboxWhere(userId, filters)
  const from = sql`FROM notifications n JOIN notification_types t ON t.id = n.type_id WHERE ${where}`
  const [count, page] = await Promise.all([
    db.execute(sql`SELECT count(*)::int AS total ${from}`),
    db.execute(sql`SELECT ${INBOX_COLUMNS} ${from} ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit} OFFSET ${offset}`),
  ])
  return { rows: page.rows as InboxRow[], total: (count.rows[0] as { total: number }).total }
}
