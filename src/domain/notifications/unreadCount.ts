import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import { iso } from '../../lib/dates.ts'
import { rootDb, txDb } from '../../lib/transaction.ts'
import { visibleTo } from './inboxRow.ts'

type Counted = { count: number; as_of: string }

const COUNT = (userId: number) =>
  sql`SELECT count(*)::int AS count, clock_timestamp() AS as_of FROM notifications n WHERE ${visibleTo(userId)} AND NOT n.is_read`

/** The user's exact unread count (visible, unread notifications), counted now. */
export async function unreadCount(req: PayloadRequest, userId: number): Promise<Counted> {
  const db = await txDb(req)
  return toCounted((await db.execute(COUNT(userId))).rows[0])
}

/**
 * The same, outside any request: what the outbox worker pushes as `unread_count`. `as_of` (when it was
 * counted) lets a client that gets two counts out of order keep the later one.
 */
export async function unreadCountForPush(payload: Payload, userId: number): Promise<Counted> {
  return toCounted((await rootDb(payload).execute(COUNT(userId))).rows[0])
}

const toCounted = (row: unknown): Counted => {
  const { count, as_of } = row as { count: number; as_of: string | Date }
  return { count, as_of: iso(as_of) }
}
