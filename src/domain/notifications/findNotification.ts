import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'
import { INBOX_COLUMNS, refersTo, visibleTo, type InboxRow, type NotificationRef } from './inboxRow.ts'

/** One of the user's visible notifications; 404 for anyone else's (their existence stays private). */
export async function findNotification(req: PayloadRequest, userId: number, ref: NotificationRef): Promise<InboxRow> {
  const db = await txDb(req)
  const result = await db.execute(
    sql`SELECT ${INBOX_COLUMNS} FROM notifications n JOIN notification_types t ON t.id = n.type_id WHERE ${visibleTo(userId)} AND ${refersTo(ref)}`,
  )
  const row = firstRow<InboxRow>(result)
  if (!row) throw new NotFoundError('Notification not found.')
  return row
}
