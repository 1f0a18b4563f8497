import { sql } from '@payloadcms/db-postgres'

/** A notification as the inbox reads it: the row and its type. Numeric columns arrive as strings from pg. */
export type InboxRow = {
  id: number
  notification_id: string
  recipient_id: number
  title: string
  message: string | null
  priority: 'low' | 'medium' | 'high'
  is_read: boolean
  read_at: string | Date | null
  actor_type: string | null
  actor_user_id: string | number | null
  actor_investor_id: string | number | null
  actor_display_name: string | null
  redirect: Record<string, unknown> | null
  action_url: string | null
  metadata: Record<string, unknown> | null
  created_at: string | Date
  updated_at: string | Date
  expires_at: string | Date | null
  type_id: number
  type_code: string
  type_name: string
  type_description: string | null
  type_is_active: boolean
}

/** The columns of InboxRow, for `SELECT ${INBOX_COLUMNS} FROM notifications n JOIN notification_types t ON t.id = n.type_id`. */
export const INBOX_COLUMNS = sql.raw(`n.id, n.notification_id, n.recipient_id, n.title, n.message, n.priority, n.is_read, n.read_at,
  n.actor_type, n.actor_user_id, n.actor_investor_id, n.actor_display_name, n.redirect, n.action_url, n.metadata,
  n.created_at, n.updated_at, n.expires_at,
  t.id AS type_id, t.code AS type_code, t.name AS type_name, t.description AS type_description, t.is_active AS type_is_active`)

/** Rows the user's inbox shows: theirs, in-app, not expired. */
export const visibleTo = (userId: number) => sql`n.recipient_id = ${userId} AND n.in_app AND (n.expires_at IS NULL OR n.expires_at > now())`

/** A notification named in a URL: its integer id (spec 003) or its public uuid (spec 002). */
export type NotificationRef = { id: number } | { uuid: string }

export const refersTo = (ref: NotificationRef) => ('id' in ref ? sql`n.id = ${ref.id}` : sql`n.notification_id = ${ref.uuid}`)
