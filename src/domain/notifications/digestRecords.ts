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

/** The time zone names Postgres knows (a user's unknown one counts as UTC rather than failing everyone's digests). */
export async function knownTimezones(req: PayloadRequest): Promise<string[]> {
  const db = await txDb(req)
  return ((await db.execute(sql`SELECT name FROM pg_timezone_names`)).rows as { name: string }[]).map((row) => row.name)
}

// A Postgres array literal: one bound parameter however many names (zone names hold no quotes or commas).
const textArray = (values: string[]) => `{${values.map((value) => `"${value}"`).join(',')}}`

/**
 * A period is claimed a minute after it starts: a notification whose transaction began just before 08:00
 * (created_at) but committed just after is then visible to the claim, and never falls between two windows.
 */
const SETTLE = sql.raw(`interval '1 minute'`)

const emailByDefault = sql`EXISTS (SELECT 1 FROM notification_types_default_channels c WHERE c.parent_id = t.id AND c.value = 'email')`

/**
 * Claims the digests due at `now` for up to `limit` users with pending mail (ids above `afterUserId`), in
 * one statement of req's transaction. For each user and kind the current period starts at the last local
 * 08:00 (daily) or Monday 08:00 (weekly) at or before `now` in the user's time zone, computed by Postgres
 * so daylight-saving changes are right. A digest gathers the user's unread, unexpired notifications not
 * emailed at once, whose type's frequency is that kind and whose email is on, created in the window from
 * the previous digest's period start (of that user and kind) to this one's: each notification is in one
 * digest, and a missed period (downtime) is covered by the next. The unique (user, kind, period_start) row
 * is the claim: a second run, instance or retry of the same period inserts nothing and returns nothing.
 * Nothing else is written, so 100,000 digests do not rewrite a million notification rows.
 */
export async function claimDueDigests(
  req: PayloadRequest,
  now: Date,
  { afterUserId, limit, zones }: { afterUserId: number; limit: number; zones: string[] },
): Promise<{ digests: ClaimedDigest[]; lastUserId: number | null }> {
  const db = await txDb(req)
  const at = now.toISOString()
  // The planner's estimates for this statement are far above JIT's thresholds; compiling it costs seconds and saves nothing.
  await db.execute(sql`SET LOCAL jit = off`)
  const result = await db.execute(sql`
    WITH candidates AS (
      SELECT DISTINCT n.recipient_id AS user_id FROM notifications n
      WHERE n.emailed_at IS NULL AND NOT n.is_read AND n.recipient_id > ${afterUserId}
      ORDER BY 1 LIMIT ${limit}
    ), recipients AS (
      SELECT u.id, u.email, CASE WHEN u.timezone = ANY(${textArray(zones)}::text[]) THEN u.timezone ELSE 'UTC' END AS tz
      FROM candidates c JOIN users u ON u.id = c.user_id
      LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE u.email IS NOT NULL AND u.is_active IS NOT FALSE AND COALESCE(p.enable_email, true)
    ), periods AS (
      SELECT r.id AS user_id, r.email, r.tz, k.kind, l.local_start, l.local_start AT TIME ZONE r.tz AS start_at,
        (SELECT max(d.period_start_at) FROM notification_digests d WHERE d.user_id = r.id AND d.kind::text = k.kind) AS since
      FROM recipients r
      CROSS JOIN (VALUES ('daily_digest', 'day'), ('weekly_summary', 'week')) AS k(kind, unit)
      CROSS JOIN LATERAL (
        SELECT date_trunc(k.unit, ((${at}::timestamptz - ${SETTLE}) AT TIME ZONE r.tz) - interval '8 hours') + interval '8 hours' AS local_start
      ) l
    ), items AS (
      SELECT n.recipient_id, p.kind, p.email, n.type_id, n.title, n.message, t.name AS type_name, n.action_url,
        n.redirect->>'url' AS redirect_url, n.created_at,
        row_number() OVER (PARTITION BY n.recipient_id, p.kind ORDER BY n.created_at DESC, n.id DESC) AS rank
      FROM periods p
      JOIN notifications n ON n.recipient_id = p.user_id AND n.emailed_at IS NULL AND NOT n.is_read
        AND n.created_at < p.start_at AND n.created_at >= COALESCE(p.since, '-infinity')
        AND (n.expires_at IS NULL OR n.expires_at > ${at}::timestamptz)
      JOIN notification_types t ON t.id = n.type_id
      LEFT JOIN notification_type_preferences tp ON tp.user_id = n.recipient_id AND tp.notification_type_id = t.id
      WHERE COALESCE(tp.frequency::text, t.default_frequency::text) = p.kind AND COALESCE(tp.email_enabled, ${emailByDefault})
    ), digests AS (
      SELECT i.recipient_id AS user_id, i.kind, max(i.email) AS email, count(*)::int AS total, array_agg(DISTINCT i.type_id) AS type_ids,
        json_agg(json_build_object('title', i.title, 'message', i.message, 'type_name', i.type_name, 'action_url', i.action_url,
          'redirect_url', i.redirect_url, 'created_at', i.created_at) ORDER BY i.rank) FILTER (WHERE i.rank <= ${DIGEST_ITEMS_SHOWN}) AS items
      FROM items i GROUP BY i.recipient_id, i.kind
    ), claims AS (
      INSERT INTO notification_digests (user_id, kind, period_start, period_start_at, timezone, notification_count, updated_at, created_at)
      SELECT p.user_id, p.kind::enum_notification_digests_kind, to_char(p.local_start, 'YYYY-MM-DD'), p.start_at, p.tz, g.total, now(), now()
      FROM periods p JOIN digests g ON g.user_id = p.user_id AND g.kind = p.kind
      ON CONFLICT (user_id, kind, period_start) DO NOTHING
      RETURNING id, user_id, kind::text AS kind
    )
    -- No join of the claims with their content (the planner misjudges both sizes and loops): both come back,
    -- matched below, then one row carrying the cursor.
    SELECT 'content' AS part, g.user_id, g.kind, NULL::int AS digest_id, g.email, g.total, g.type_ids, g.items, NULL::int AS last_user_id
    FROM digests g
    UNION ALL SELECT 'claim', c.user_id, c.kind, c.id, NULL, NULL, NULL, NULL, NULL FROM claims c
    UNION ALL SELECT 'cursor', NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT max(user_id) FROM candidates)`)
  type Part = Omit<ClaimedDigest, 'digest_id'> & {
    part: 'content' | 'claim' | 'cursor'
    digest_id: number | null
    last_user_id: number | null
  }
  const rows = result.rows as Part[]
  const content = new Map(rows.filter((row) => row.part === 'content').map((row) => [`${row.user_id}:${row.kind}`, row]))
  const digests = rows
    .filter((row) => row.part === 'claim')
    .map((claim): ClaimedDigest => {
      const found = content.get(`${claim.user_id}:${claim.kind}`)
      if (!found) throw new Error(`digest ${claim.digest_id} claimed without content`)
      return { ...found, digest_id: Number(claim.digest_id) }
    })
  const cursor = rows.find((row) => row.part === 'cursor')?.last_user_id ?? null
  return { digests, lastUserId: cursor === null ? null : Number(cursor) }
}
