import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { rootDb } from '../../lib/transaction.ts'
import { INBOX_COLUMNS, visibleTo } from './inboxRow.ts'
import { notificationView, type NotificationView } from './notificationView.ts'

/** How many missed notifications a reconnecting client is sent at most; it reads older ones from the inbox API. */
export const MISSED_LIMIT = 200

/**
 * What a client missed while disconnected: the user's visible notifications with an id above the last one
 * it saw (its `since` cursor), oldest first. The inbox is the truth, so this works after any drop,
 * restart or instance change.
 */
export async function missedNotifications(payload: Payload, userId: number, sinceId: number): Promise<NotificationView[]> {
  const result = await rootDb(payload).execute(sql`
    SELECT * FROM (
      SELECT ${INBOX_COLUMNS} FROM notifications n JOIN notification_types t ON t.id = n.type_id
      WHERE ${visibleTo(userId)} AND n.id > ${sinceId} ORDER BY n.id DESC LIMIT ${MISSED_LIMIT}
    ) missed ORDER BY id`)
  return (result.rows as Parameters<typeof notificationView>[0][]).map(notificationView)
}
