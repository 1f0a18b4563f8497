import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { NotificationRef } from './inboxRow.ts'
import { deleteVisible } from './notificationRecords.ts'
import { pushReadChange } from './pushes.ts'

/** Deletes one of the user's notifications; their clients drop it (and recount). */
export async function deleteNotification(req: PayloadRequest, userId: number, ref: NotificationRef): Promise<void> {
  await withTransaction(req, async () => {
    const deleted = await deleteVisible(req, userId, ref)
    if (!deleted) throw new NotFoundError('Notification not found.')
    await pushReadChange(req, userId, { ids: [deleted.id], is_read: true, deleted: true })
  })
}
