import type { PayloadRequest } from 'payload'
import { enqueueMany } from '../outbox/enqueueMany.ts'
import { userRoom } from '../outbox/rooms.ts'
import { wakeOutboxWorkers } from '../outbox/wakeWorkers.ts'
import type { StoredNotification } from './notificationRecords.ts'
import { notificationView } from './notificationView.ts'
import { PUSH_EVENTS } from './pushEvents.ts'

/**
 * After new notifications: `notification:new` to each recipient with push on, then each recipient's exact
 * unread count. Both are outbox rows of req's transaction, and the workers are woken at commit.
 */
export async function pushNewNotifications(req: PayloadRequest, stored: StoredNotification[]): Promise<void> {
  const pushed = stored.filter((row) => row.push)
  await enqueueMany(
    req,
    'realtime.emit',
    pushed.map((row) => ({ room: userRoom(row.recipient_id), event: PUSH_EVENTS.new, data: notificationView(row) })),
  )
  await pushUnreadCounts(req, [...new Set(stored.filter((row) => row.in_app).map((row) => row.recipient_id))])
}

/** After read state changed (or notifications were deleted): which ids, their state now, and the new count. */
export async function pushReadChange(req: PayloadRequest, userId: number, change: { ids: number[]; is_read: boolean; deleted?: boolean }) {
  if (change.ids.length === 0) return
  await enqueueMany(req, 'realtime.emit', [
    { room: userRoom(userId), event: PUSH_EVENTS.read, data: { ...change, deleted: change.deleted ?? false } },
  ])
  await pushUnreadCounts(req, [userId])
}

async function pushUnreadCounts(req: PayloadRequest, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return
  // Counted by the worker when it delivers, so the last count a client gets is the freshest there is.
  await enqueueMany(
    req,
    'notifications.unread_count',
    userIds.map((userId) => ({ user_id: userId })),
  )
  await wakeOutboxWorkers(req)
}
