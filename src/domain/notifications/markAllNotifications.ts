import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { setAllReadState } from './notificationRecords.ts'
import { pushReadChange } from './pushes.ts'

/** Marks all of the user's notifications read (or unread); returns how many actually changed. */
export async function markAllNotifications(req: PayloadRequest, userId: number, read: boolean): Promise<number> {
  return withTransaction(req, async () => {
    const ids = await setAllReadState(req, userId, read)
    await pushReadChange(req, userId, { ids, is_read: read })
    return ids.length
  })
}
