import { iso, isoOrNull } from '../../lib/dates.ts'
import type { InboxRow } from './inboxRow.ts'

const PRIORITY_DISPLAY = { low: 'Low', medium: 'Medium', high: 'High' } as const
const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value))

/** A notification type as spec 002 shows it inside a notification. */
export function typeView(row: Pick<InboxRow, 'type_id' | 'type_code' | 'type_name' | 'type_description' | 'type_is_active'>) {
  return {
    id: row.type_id,
    code: row.type_code,
    name: row.type_name,
    description: row.type_description ?? '',
    is_active: row.type_is_active,
  }
}

/**
 * The one JSON view of a notification: spec 002's result object, plus `id` (spec 003's integer id, also the
 * cursor of missed-notification replay), `action_url`, `metadata` and `read_at`. Pushes and the list share it.
 */
export function notificationView(row: InboxRow) {
  return {
    id: row.id,
    notification_id: row.notification_id,
    notification_type: typeView(row),
    title: row.title,
    message: row.message ?? '',
    is_read: row.is_read,
    priority: row.priority,
    priority_display: PRIORITY_DISPLAY[row.priority],
    actor: row.actor_type
      ? {
          type: row.actor_type,
          user_id: numberOrNull(row.actor_user_id),
          investor_id: numberOrNull(row.actor_investor_id),
          display_name: row.actor_display_name,
        }
      : null,
    redirect: row.redirect ?? null,
    action_url: row.action_url,
    metadata: row.metadata ?? {},
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    read_at: isoOrNull(row.read_at),
    expires_at: isoOrNull(row.expires_at),
  }
}

export type NotificationView = ReturnType<typeof notificationView>
