import { createLocalReq, type Payload } from 'payload'
import { config } from '../../lib/config.ts'
import { poolOf } from '../../lib/db/pool.ts'
import { notify } from '../notifications/notify.ts'
import { staffMemberIds } from '../users/staffMemberIds.ts'
import { waitingSince } from './waiting.ts'

const LISTED = 50

type WaitingRow = { booking_id: number; user_name: string | null; event_title: string | null; received_at: Date }

/**
 * The daily staff digest: one notification per manager and admin listing the bookings still `new` 24 h
 * after they arrived (not one per booking), through notify() so preferences decide email and push. The
 * dedupe key is the day, so a second run that day (another instance, a retry) sends nothing.
 */
export async function sendWaitingDigest(payload: Payload, now: Date): Promise<{ waiting: number; notified: number }> {
  const { rows } = await poolOf(payload).query<WaitingRow & { total: number }>(
    `SELECT booking_id::int AS booking_id, user_name, event_title, received_at, count(*) OVER ()::int AS total
     FROM crm_bookings WHERE crm_status = 'new' AND status = 'received' AND received_at < $1
     ORDER BY received_at LIMIT ${LISTED}`,
    [waitingSince(now)],
  )
  if (rows.length === 0) return { waiting: 0, notified: 0 }
  const total = rows[0].total
  const lines = rows.map(
    (row) =>
      `- #${row.booking_id} ${row.user_name ?? 'Unknown'}: ${row.event_title ?? 'event'} (since ${new Date(row.received_at).toISOString()})`,
  )
  if (total > rows.length) lines.push(`...and ${total - rows.length} more.`)
  const req = await createLocalReq({}, payload)
  const stored = await notify(
    await staffMemberIds(payload),
    'crm_bookings_waiting',
    {
      title: `${total} CRM booking${total === 1 ? '' : 's'} still new after 24 hours`,
      message: lines.join('\n'),
      priority: 'high',
      action_url: `${config.PUBLIC_URL}/admin/collections/crm-bookings?where[crm_status][equals]=new`,
      metadata: { booking_ids: rows.map((row) => row.booking_id), total },
    },
    { req, dedupeKey: `crm-waiting:${now.toISOString().slice(0, 10)}` },
  )
  return { waiting: total, notified: stored.length }
}
