import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { NotificationRef } from './inboxRow.ts'
import { setReadState } from './notificationRecords.ts'
import { pushReadChange } from './pushes.ts'

/** Marks one of the user's notifications read or unread (idempotent); their clients hear of a real change. */
export async function markNotification(req: PayloadRequest, userId: number, ref: NotificationRef, read: boolean): Promise<number> {
  return withTransaction(req, async () => {
    const updated = await setReadState(req, userId, ref, read)
    if (!updated) throw new NotFoundError('Notification not found.')
    if (updated.changed) await pushReadChange(req, userId, { ids: [updated.id], is_read: read })
    return updated.id
  })
}
