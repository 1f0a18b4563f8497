import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { NotificationContentValue } from './content.ts'
import { INBOX_COLUMNS, refersTo, visibleTo, type InboxRow, type NotificationRef } from './inboxRow.ts'

/**
 * The only code that writes the notification area's tables (notifications, notification-preferences,
 * notification-type-preferences, notification-digests). Everything goes through req's transaction.
 */

/** A stored notification and how it is to be delivered to its recipient. */
export type StoredNotification = InboxRow & { in_app: boolean; push: boolean; email_to: string | null }

const channel = (name: string) =>
  sql`EXISTS (SELECT 1 FROM notification_types_default_channels c WHERE c.parent_id = t.id AND c.value = ${name})`
// Postgres array literals for unnest(): one bound parameter however many values.
const intArray = (values: number[]) => `{${values.map((value) => Math.trunc(value)).join(',')}}`
const boolArray = (values: boolean[]) => `{${values.join(',')}}`

/**
 * One inbox row per recipient, in one statement, following each recipient's preferences: nothing for a
 * disabled type or an inactive account; `in_app` off stores the row for email only; an immediate email
 * marks it emailed at once (so no digest repeats it). A repeated `dedupeKey` adds nothing.
 */
export async function insertNotifications(
  req: PayloadRequest,
  input: { recipientIds: number[]; typeCode: string; content: NotificationContentValue; dedupeKey: string | null },
): Promise<StoredNotification[]> {
  const { content } = input
  const db = await txDb(req)
  const result = await db.execute(sql`
    WITH t AS (
      SELECT t.*, ${channel('in_app')} AS d_in_app, ${channel('email')} AS d_email, ${channel('push')} AS d_push
      FROM notification_types t WHERE t.code = ${input.typeCode} AND t.is_active
    ), r AS (
      SELECT u.id AS user_id, u.email AS address,
        COALESCE(tp.frequency::text, t.default_frequency::text) AS frequency,
        COALESCE(p.enable_in_app, true) AND t.d_in_app AS in_app,
        COALESCE(p.enable_in_app, true) AND t.d_in_app AND COALESCE(p.enable_push, true) AND t.d_push AS push,
        u.email IS NOT NULL AND COALESCE(p.enable_email, true) AND COALESCE(tp.email_enabled, t.d_email) AS email_wanted
      FROM t CROSS JOIN unnest(${intArray(input.recipientIds)}::int[]) AS rid(id)
      JOIN users u ON u.id = rid.id AND u.is_active IS NOT FALSE
      LEFT JOIN notification_preferences p ON p.user_id = u.id
      LEFT JOIN notification_type_preferences tp ON tp.user_id = u.id AND tp.notification_type_id = t.id
    ), n AS (
      INSERT INTO notifications (recipient_id, type_id, title, message, priority, actor_type, actor_user_id, actor_investor_id,
        actor_display_name, redirect, action_url, metadata, is_read, in_app, expires_at, emailed_at, dedupe_key, updated_at, created_at)
      SELECT r.user_id, t.id, ${content.title}, ${content.message}, ${content.priority}, ${content.actor?.type ?? null},
        ${content.actor?.user_id ?? null}::numeric, ${content.actor?.investor_id ?? null}::numeric, ${content.actor?.display_name ?? null},
        ${content.redirect ? JSON.stringify(content.redirect) : null}::jsonb, ${content.action_url ?? null},
        ${content.metadata ? JSON.stringify(content.metadata) : null}::jsonb, false, r.in_app,
        ${content.expires_at?.toISOString() ?? null}::timestamptz,
        CASE WHEN r.email_wanted AND r.frequency = 'immediate' THEN now() END, ${input.dedupeKey}, now(), now()
      FROM r CROSS JOIN t
      WHERE r.frequency <> 'disabled' AND (r.in_app OR r.email_wanted)
      ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
      RETURNING *
    )
    SELECT ${INBOX_COLUMNS}, n.in_app, r.push, CASE WHEN n.emailed_at IS NOT NULL THEN r.address END AS email_to
    FROM n JOIN t ON t.id = n.type_id JOIN r ON r.user_id = n.recipient_id
    ORDER BY n.id`)
  return result.rows as StoredNotification[]
}

/** Marks one of the user's visible notifications read or unread; null when they have no such notification. */
export async function setReadState(
  req: PayloadRequest,
  userId: number,
  ref: NotificationRef,
  read: boolean,
): Promise<{ id: number; changed: boolean } | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    WITH target AS (SELECT n.id, n.is_read FROM notifications n WHERE ${visibleTo(userId)} AND ${refersTo(ref)} FOR UPDATE)
    UPDATE notifications n SET is_read = ${read}, read_at = CASE WHEN ${read} THEN COALESCE(n.read_at, now()) END, updated_at = now()
    FROM target WHERE n.id = target.id
    RETURNING n.id, target.is_read <> ${read} AS changed`)
  return firstRow<{ id: number; changed: boolean }>(result) ?? null
}

/** Marks every visible notification of the user read (or unread); returns the ids that changed. */
export async function setAllReadState(req: PayloadRequest, userId: number, read: boolean): Promise<number[]> {
  const db = await txDb(req)
  // Rows are locked in id order first: two concurrent mark-alls of one inbox then wait for each other
  // instead of deadlocking on rows each scan met in a different order.
  const result = await db.execute(sql`
    WITH target AS (
      SELECT n.id FROM notifications n WHERE ${visibleTo(userId)} AND n.is_read <> ${read} ORDER BY n.id FOR UPDATE)
    UPDATE notifications n SET is_read = ${read}, read_at = CASE WHEN ${read} THEN now() END, updated_at = now()
    FROM target WHERE n.id = target.id AND n.is_read <> ${read}
    RETURNING n.id`)
  return (result.rows as { id: number }[]).map((row) => row.id)
}

/** Deletes one of the user's visible notifications; returns whether it was unread, or null when there is none. */
export async function deleteVisible(
  req: PayloadRequest,
  userId: number,
  ref: NotificationRef,
): Promise<{ id: number; wasUnread: boolean } | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    DELETE FROM notifications n WHERE ${visibleTo(userId)} AND ${refersTo(ref)} RETURNING n.id, NOT n.is_read AS "wasUnread"`)
  return firstRow<{ id: number; wasUnread: boolean }>(result) ?? null
}

/** Deletes up to `limit` notifications that expired before `now`; returns how many. */
export async function deleteExpired(req: PayloadRequest, now: Date, limit: number): Promise<number> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    DELETE FROM notifications WHERE id IN (
      SELECT id FROM notifications WHERE expires_at <= ${now.toISOString()}::timestamptz ORDER BY expires_at LIMIT ${limit})`)
  return result.rowCount ?? 0
}

/**
 * Spec 002's "created with defaults on first read": the user's channel switches (all on) and a row per
 * active type with the type's default frequency and email setting. Types added later are seeded on the
 * next read; existing choices are never touched.
 */
export async function seedPreferences(req: PayloadRequest, userId: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO notification_preferences (user_id, enable_in_app, enable_email, enable_push, updated_at, created_at)
    VALUES (${userId}, true, true, true, now(), now()) ON CONFLICT (user_id) DO NOTHING`)
  await db.execute(sql`
    INSERT INTO notification_type_preferences (user_id, notification_type_id, frequency, email_enabled, updated_at, created_at)
    SELECT ${userId}, t.id, t.default_frequency::text::enum_notification_type_preferences_frequency, ${channel('email')}, now(), now()
    FROM notification_types t WHERE t.is_active
    ON CONFLICT (user_id, notification_type_id) DO NOTHING`)
}

export type ChannelSwitches = Partial<Record<'enable_in_app' | 'enable_email' | 'enable_push', boolean>>

/** Changes the given channel switches of a seeded preferences row. */
export async function updateChannelSwitches(req: PayloadRequest, userId: number, changes: ChannelSwitches): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE notification_preferences SET
      enable_in_app = COALESCE(${changes.enable_in_app ?? null}::boolean, enable_in_app),
      enable_email = COALESCE(${changes.enable_email ?? null}::boolean, enable_email),
      enable_push = COALESCE(${changes.enable_push ?? null}::boolean, enable_push),
      updated_at = now()
    WHERE user_id = ${userId}`)
}

/** Sets the frequency of one of the user's seeded type preferences; null when the user has none for that type. */
export async function updateTypeFrequency(req: PayloadRequest, userId: number, typeId: number, frequency: string): Promise<number | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE notification_type_preferences SET frequency = ${frequency}::enum_notification_type_preferences_frequency, updated_at = now()
    WHERE user_id = ${userId} AND notification_type_id = ${typeId} RETURNING id`)
  return firstRow<{ id: number }>(result)?.id ?? null
}

/**
 * Turns email on or off per type (email preferences, one-click unsubscribe), creating the type's row
 * from its defaults when missing. Returns the type ids that exist; unknown ids change nothing.
 */
export async function setEmailEnabled(
  req: PayloadRequest,
  userId: number,
  choices: { typeId: number; enabled: boolean }[],
): Promise<number[]> {
  if (choices.length === 0) return []
  const db = await txDb(req)
  const result = await db.execute(sql`
    INSERT INTO notification_type_preferences (user_id, notification_type_id, frequency, email_enabled, updated_at, created_at)
    SELECT ${userId}, t.id, t.default_frequency::text::enum_notification_type_preferences_frequency, c.enabled, now(), now()
    FROM unnest(${intArray(choices.map((c) => c.typeId))}::int[], ${boolArray(choices.map((c) => c.enabled))}::boolean[]) AS c(type_id, enabled)
    JOIN notification_types t ON t.id = c.type_id
    ON CONFLICT (user_id, notification_type_id) DO UPDATE SET email_enabled = EXCLUDED.email_enabled, updated_at = now()
    RETURNING notification_type_id`)
  return (result.rows as { notification_type_id: number }[]).map((row) => row.notification_type_id)
}
