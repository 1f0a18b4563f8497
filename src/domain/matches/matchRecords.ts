import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { MatchStatus } from './statuses.ts'

/** The only writer of matches. */

/** A new pending match, or null when the pair is already matched (the unique index decides, also under concurrency). */
export async function insertMatch(
  req: PayloadRequest,
  row: { userId: number; friendId: number; score: number; createdBy: number },
): Promise<number | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    INSERT INTO matches (user_id, friend_id, compatibility_score, status, created_by_id)
    VALUES (${row.userId}, ${row.friendId}, ${row.score}, 'pending', ${row.createdBy})
    ON CONFLICT (user_id, friend_id) DO NOTHING RETURNING id`)
  return firstRow<{ id: number }>(result)?.id ?? null
}

/** The matched user's answer to a pending match; false when it was already answered. */
export async function answerMatchRow(req: PayloadRequest, id: number, userId: number, status: MatchStatus): Promise<boolean> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE matches SET status = ${status}, responded_at = now(), updated_at = now()
    WHERE id = ${id} AND user_id = ${userId} AND status = 'pending' RETURNING id`)
  return result.rows.length > 0
}

/** Removes a match as the caller (collection access: staff). */
export async function deleteMatchRow(req: PayloadRequest, id: number): Promise<void> {
  await req.payload.delete({ collection: 'matches', id, depth: 0, overrideAccess: false, req })
}
