import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import type { DigestKind } from './statuses.ts'

/** How many notifications a digest email lists; the rest are counted and linked to the inbox. */
export const DIGEST_ITEMS_SHOWN = 20

/** One digest claimed for a user and period, with what its email shows. */
export type ClaimedDigest = {
  digest_id: number
  user_id: number
  kind: DigestKind
  email: string
  total: number
  type_ids: number[]
  items: {
    title: string
    message: string | null
    type_name: string
    action_url: string | null
    redirect_url: string | null
    created_at: string
  }[]
}

const emailByDefault = sql`EXISTS (SELECT 1 FROM notification_types_default_channels c WHERE c.parent_id = t.id AND c.value = 'email')`

/**
 * Claims the digests due at `now` for up to `limit` users with pending mail (ids above `afterUserId`), in
 * one statement of req's transaction: for each user and kind the current period starts at the last local
 * 08:00 (daily) or Monday 08:00 (weekly) at or before `now` in the user's time zone, computed by Postgres
 * so daylight-saving changes are right. A digest gathers the user's unread, not yet emailed, unexpired
 * notifications created before the period started whose type's frequency is that kind and whose email is
 * on. The unique (user, kind, period_start) row is the claim: a second run, instance or retry of the same
 * period inserts nothing and so marks and returns nothing. Claimed notifications get emailed_at and digest_id.
 */
export async function claimDueDigests(
  req: PayloadRequest,
  now: Date,
  { afterUserId, limit }: { afterUserId: number; limit: number },
): Promise<{ digests: ClaimedDigest[]; lastUserId: number | null }> {
  const db = await txDb(req)
  const at = now.toISOString()
  const result = await db.execute(sql`
    WITH candidates AS (
      SELECT DISTINCT n.recipient_id AS user_id FROM notifications n
      WHERE n.emailed_at IS NULL AND NOT n.is_read AND n.recipient_id > ${afterUserId}
      ORDER BY 1 LIMIT ${limit}
    ), zones AS (SELECT name FROM pg_timezone_names), recipients AS (
      SELECT u.id, u.email, CASE WHEN u.timezone IN (SELECT name FROM zones) THEN u.timezone ELSE 'UTC' END AS tz
      FROM candidates c JOIN users u ON u.id = c.user_id
      LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE u.email IS NOT NULL AND u.is_active IS NOT FALSE AND COALESCE(p.enable_email, true)
    ), periods AS (
      SELECT r.id AS user_id, r.email, r.tz, k.kind, l.local_start, l.local_start AT TIME ZONE r.tz AS start_at
      FROM recipients r
      CROSS JOIN (VALUES ('daily_digest', 'day'), ('weekly_summary', 'week')) AS k(kind, unit)
      CROSS JOIN LATERAL (
        SELECT date_trunc(k.unit, (${at}::timestamptz AT TIME ZONE r.tz) - interval '8 hours') + interval '8 hours' AS local_start
      ) l
    ), items AS (
      SELECT n.id, n.recipient_id, p.kind, n.type_id, n.title, n.message, t.name AS type_name, n.action_url,
        n.redirect->>'url' AS redirect_url, n.created_at,
        row_number() OVER (PARTITION BY n.recipient_id, p.kind ORDER BY n.created_at DESC, n.id DESC) AS rank
      FROM periods p
      JOIN notifications n ON n.recipient_id = p.user_id AND n.emailed_at IS NULL AND NOT n.is_read
        AND n.created_at < p.start_at AND (n.expires_at IS NULL OR n.expires_at > ${at}::timestamptz)
      JOIN notification_types t ON t.id = n.type_id
      LEFT JOIN notification_type_preferences tp ON tp.user_id = n.recipient_id AND tp.notification_type_id = t.id
      WHERE COALESCE(tp.frequency::text, t.default_frequency::text) = p.kind AND COALESCE(tp.email_enabled, ${emailByDefault})
    ), claims AS (
      INSERT INTO notification_digests (user_id, kind, period_start, period_start_at, timezone, notification_count, updated_at, created_at)
      SELECT p.user_id, p.kind::enum_notification_digests_kind, to_char(p.local_start, 'YYYY-MM-DD'), p.start_at, p.tz, count(*), now(), now()
      FROM periods p JOIN items i ON i.recipient_id = p.user_id AND i.kind = p.kind
      GROUP BY p.user_id, p.kind, p.local_start, p.start_at, p.tz
      ON CONFLICT (user_id, kind, period_start) DO NOTHING
      RETURNING id, user_id, kind::text AS kind, notification_count
    ), marked AS (
      -- Runs whether or not it is read (data-modifying CTEs always do).
      UPDATE notifications n SET emailed_at = now(), digest_id = c.id
      FROM claims c JOIN items i ON i.recipient_id = c.user_id AND i.kind = c.kind
      WHERE n.id = i.id
      RETURNING n.id
    )
    SELECT c.id AS digest_id, c.user_id, c.kind, p.email, c.notification_count::int AS total,
      (SELECT array_agg(DISTINCT i.type_id) FROM items i WHERE i.recipient_id = c.user_id AND i.kind = c.kind) AS type_ids,
      (SELECT json_agg(json_build_object('title', i.title, 'message', i.message, 'type_name', i.type_name, 'action_url', i.action_url,
          'redirect_url', i.redirect_url, 'created_at', i.created_at) ORDER BY i.rank)
        FROM items i WHERE i.recipient_id = c.user_id AND i.kind = c.kind AND i.rank <= ${DIGEST_ITEMS_SHOWN}) AS items,
      (SELECT max(user_id) FROM candidates) AS last_user_id
    FROM claims c JOIN periods p ON p.user_id = c.user_id AND p.kind = c.kind
    UNION ALL
    -- Always one row carrying the cursor, even when nothing was claimed.
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT max(user_id) FROM candidates)
    ORDER BY 1 NULLS LAST`)
  const rows = result.rows as (ClaimedDigest & { last_user_id: number | null; digest_id: number | null })[]
  const cursor = rows.at(-1)?.last_user_id ?? null
  return { digests: rows.filter((row) => row.digest_id !== null), lastUserId: cursor === null ? null : Number(cursor) }
}
