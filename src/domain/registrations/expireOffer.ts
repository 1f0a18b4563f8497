import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { returnSeat } from './offerSeat.ts'

/**
 * Ends one unclaimed offer whose window has passed and passes the seat on. The UPDATE re-checks the
 * state, so an offer claimed a moment earlier is left alone. Returns whether it expired the offer.
 */
export async function expireOffer(req: PayloadRequest, registrationId: number, now: Date): Promise<boolean> {
  return withTransaction(req, async () => {
    const db = await txDb(req)
    const expired = await db.execute(sql`
      UPDATE registrations SET status = 'cancelled', cancel_reason = 'offer_expired', cancelled_at = ${now},
        holds_seat = false, offer_expires_at = NULL, claim_token_hash = NULL
      WHERE id = ${registrationId} AND status = 'waitlisted' AND holds_seat AND offer_expires_at <= ${now}
      RETURNING event_id`)
    const row = expired.rows[0] as { event_id: number } | undefined
    if (!row) return false
    await returnSeat(req, row.event_id, now)
    return true
  })
}
