import type { OutboxHandlers } from '../outbox/handlers.ts'
import { userRoom } from '../outbox/rooms.ts'
import { PUSH_EVENTS } from './pushEvents.ts'
import { unreadCountForPush } from './unreadCount.ts'

/** The notifications area's outbox topics (registered in src/jobs/outboxHandlers.ts). */
export const notificationOutboxHandlers = {
  'notifications.unread_count': async (message, { payload, push }) => {
    if (!push) throw new Error('realtime is not running in this process')
    const counted = await unreadCountForPush(payload, message.user_id)
    push.emit(userRoom(message.user_id), PUSH_EVENTS.unreadCount, {
      unread_count: counted.count,
      count: counted.count,
      as_of: counted.as_of,
    })
  },
} satisfies Partial<OutboxHandlers>
