import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { NotificationContent, type NotificationContentInput } from './content.ts'
import { emailNotifications } from './emailNotifications.ts'
import { insertNotifications, type StoredNotification } from './notificationRecords.ts'
import { pushNewNotifications } from './pushes.ts'

export type Recipient = number | { id: number }
export type NotifyOptions = {
  req: PayloadRequest
  /** Notify each recipient at most once for this key (reminders, retried triggers). */
  dedupeKey?: string
}

/**
 * How every feature tells users about something: one inbox row per recipient, stored in req's
 * transaction, then (through the outbox, after commit) pushed to their connected clients and emailed
 * when their preferences say immediate; daily and weekly digests pick up the rest. A disabled type, an
 * inactive type or account, or a repeated dedupeKey stores nothing. Returns the rows stored.
 */
export async function notify(
  recipients: Recipient | Recipient[],
  typeCode: string,
  content: NotificationContentInput,
  { req, dedupeKey }: NotifyOptions,
): Promise<StoredNotification[]> {
  const parsed = NotificationContent.parse(content)
  const recipientIds = [...new Set((Array.isArray(recipients) ? recipients : [recipients]).map((r) => (typeof r === 'number' ? r : r.id)))]
  if (!recipientIds.every((id) => Number.isInteger(id) && id > 0)) throw new TypeError('notify: recipients must be user ids')
  if (recipientIds.length === 0) return []
  return withTransaction(req, async () => {
    const stored = await insertNotifications(req, { recipientIds, typeCode, content: parsed, dedupeKey: dedupeKey ?? null })
    if (stored.length === 0) await assertTypeExists(req, typeCode)
    await pushNewNotifications(req, stored)
    await emailNotifications(req, stored)
    return stored
  })
}

/** An unknown code is a bug in the caller (a typo), unlike a type staff switched off: fail loudly. */
async function assertTypeExists(req: PayloadRequest, typeCode: string): Promise<void> {
  const db = await txDb(req)
  const found = await db.execute(sql`SELECT 1 FROM notification_types WHERE code = ${typeCode}`)
  if (found.rows.length === 0) throw new Error(`notify: unknown notification type "${typeCode}"`)
}
