import type { InboxRow } from '../../../src/domain/notifications/inboxRow.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

/** Spec 003's notification: integer id, type code, `read`. */
export function serializeHistoryItem(row: InboxRow) {
  return {
    id: row.id,
    title: row.title,
    message: row.message ?? '',
    notification_type: row.type_code,
    read: row.is_read,
    action_url: row.action_url,
    metadata: row.metadata ?? {},
    created_at: iso(row.created_at),
    read_at: isoOrNull(row.read_at),
  }
}
