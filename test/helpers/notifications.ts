import { createLocalReq } from 'payload'
import type { Json } from './api.ts'
import type { NotificationContentInput } from '../../src/domain/notifications/content.ts'
import { notify } from '../../src/domain/notifications/notify.ts'
import { poolOf } from '../../src/lib/db/pool.ts'
import type { TestApp } from './app.ts'

/** notify() as a feature calls it, outside any request: one notification of `typeCode` for `userId`. */
export async function notifyUser(app: Pick<TestApp, 'payload'>, userId: number, typeCode: string, content: NotificationContentInput) {
  const [stored] = await notify(userId, typeCode, content, { req: await createLocalReq({}, app.payload) })
  if (!stored) throw new Error(`notify stored nothing for user ${userId}`)
  return stored
}

/** The database's own count of the user's unread, visible notifications (what every count must equal). */
export async function unreadInDatabase(app: Pick<TestApp, 'payload'>, userId: number): Promise<number> {
  const { rows } = await poolOf(app.payload).query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND in_app AND NOT is_read AND (expires_at IS NULL OR expires_at > now())`,
    [userId],
  )
  return rows[0].n
}

/** How many outbox rows are due and not yet handled (0 = every push and email went out). */
export async function pendingOutbox(app: Pick<TestApp, 'payload'>): Promise<number> {
  const { rows } = await poolOf(app.payload).query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox WHERE status IN ('pending', 'processing') AND available_at <= now()`,
  )
  return rows[0].n
}

/** The entry of a preference list (type_preferences, types_enabled) for one notification type code; throws when absent. */
export function entryForType(list: Json, code: string): Json {
  const found = list.find((entry) => String(entry.notification_type.code) === code)
  if (!found) throw new Error(`no entry for notification type ${code}`)
  return found
}
