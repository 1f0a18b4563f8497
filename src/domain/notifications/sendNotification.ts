import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest, TypedUser } from 'payload'
import { hasRole } from '../../access/hasRole.ts'
import { ForbiddenError, NotFoundError, RequestValidationError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import type { NotificationContentInput } from './content.ts'
import type { InboxRow } from './inboxRow.ts'
import { notify } from './notify.ts'

export type SendInput = { userId?: number; typeCode: string; content: NotificationContentInput }

/**
 * Spec 003's notify/send: a member notifies themselves; only admins name another recipient (`user_id`).
 * Returns the stored row, or null when the recipient's preferences turn that type off.
 */
export async function sendNotification(req: PayloadRequest, sender: TypedUser, input: SendInput): Promise<InboxRow | null> {
  const recipientId = input.userId ?? sender.id
  if (recipientId !== sender.id && !hasRole(sender, 'admin')) throw new ForbiddenError('Only admins may notify another user.')
  return withTransaction(req, async () => {
    const db = await txDb(req)
    const [recipient, type] = await Promise.all([
      db.execute(sql`SELECT id FROM users WHERE id = ${recipientId}`),
      db.execute(sql`SELECT id FROM notification_types WHERE code = ${input.typeCode} AND is_active`),
    ])
    if (recipient.rows.length === 0) throw new NotFoundError('User not found.')
    if (type.rows.length === 0) throw new RequestValidationError({ notification_type: ['Unknown or inactive notification type.'] })
    const [stored] = await notify(recipientId, input.typeCode, input.content, { req })
    return stored ?? null
  })
}
