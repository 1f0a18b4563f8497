import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Registration } from '../../payload-types.ts'
import { ConflictError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { returnSeat } from './offerSeat.ts'

export type CancelReason = 'user' | 'staff' | 'event_cancelled' | 'offer_expired' | 'hold_expired' | 'payment_failed'

/**
 * Cancels a registration (or a waitlist place). A conditional UPDATE moves it out of an active status
 * once, so concurrent cancels free the seat once; the freed seat goes to the waitlist in the same
 * transaction. A checked-in ticket cannot be cancelled.
 */
export async function cancelRegistration(req: PayloadRequest, registration: Registration, reason: CancelReason): Promise<Registration> {
  return withTransaction(req, async () => {
    const db = await txDb(req)
    const now = new Date()
    const result = await db.execute(sql`
      UPDATE registrations r SET status = 'cancelled', cancelled_at = ${now}, cancel_reason = ${reason}, holds_seat = false,
        offer_expires_at = NULL, claim_token_hash = NULL, hold_expires_at = NULL
      FROM (SELECT id, holds_seat FROM registrations WHERE id = ${registration.id} FOR UPDATE) previous
      WHERE r.id = previous.id AND r.status IN ('pending_payment', 'confirmed', 'waitlisted')
      RETURNING r.event_id, previous.holds_seat AS held`)
    const row = result.rows[0] as { event_id: number; held: boolean } | undefined
    if (!row) {
      const current = await req.payload.findByID({ collection: 'registrations', id: registration.id, depth: 0, overrideAccess: true, req })
      throw new ConflictError(
        current.status === 'checked_in'
          ? 'This ticket has been used to check in and can no longer be cancelled.'
          : 'This registration is already cancelled.',
      )
    }
    if (row.held) await returnSeat(req, row.event_id, now)
    return req.payload.findByID({ collection: 'registrations', id: registration.id, depth: 0, overrideAccess: true, req })
  })
}
