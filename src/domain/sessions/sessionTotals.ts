import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { sqlList } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'

export type FriendSessionTotals = { sessions_count: number; completed_count: number; earnings_cents: number }

/**
 * Per friend: sessions booked (not cancelled by a failed payment), completed, and earnings: the price of
 * sessions that took place, were missed by the user, or were cancelled late (those keep their charge).
 */
export async function sessionTotalsByFriend(req: PayloadRequest, friendIds: number[]): Promise<Map<number, FriendSessionTotals>> {
  if (friendIds.length === 0) return new Map()
  const db = await txDb(req)
  const { rows } = await db.execute(sql`
    SELECT friend_id,
      count(*) FILTER (WHERE payment_status <> 'failed') AS sessions_count,
      count(*) FILTER (WHERE status = 'completed') AS completed_count,
      coalesce(sum(price_cents) FILTER (WHERE status IN ('completed', 'no_show') OR (status = 'cancelled' AND late_cancellation)), 0) AS earnings_cents
    FROM friend_sessions WHERE friend_id IN ${sqlList(friendIds)} GROUP BY friend_id`)
  return new Map(
    (rows as { friend_id: number; sessions_count: string; completed_count: string; earnings_cents: string }[]).map((row) => [
      row.friend_id,
      {
        sessions_count: Number(row.sessions_count),
        completed_count: Number(row.completed_count),
        earnings_cents: Number(row.earnings_cents),
      },
    ]),
  )
}
