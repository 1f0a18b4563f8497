import { createLocalReq, type Payload } from 'payload'
import { enqueue } from '../domain/outbox/enqueue.ts'
import { releaseHold } from '../domain/payments/releaseHold.ts'
import { poolOf } from '../lib/db/pool.ts'
import { withTransaction } from '../lib/transaction.ts'

/**
 * Unpaid holds past their time: released even if Stripe's checkout.session.expired never arrives, and the
 * Checkout Session closed (after commit) so nobody pays for a seat that is gone. A payment that still
 * completes is handled by confirmPaidRegistration (seat again, or refund).
 */
export async function expireSeatHolds(payload: Payload, now: Date): Promise<number> {
  const { rows } = await poolOf(payload).query<{ payment_id: number; session_id: string | null }>(
    `SELECT r.payment_id, p.stripe_checkout_session_id AS session_id FROM registrations r JOIN payments p ON p.id = r.payment_id
     WHERE r.status = 'pending_payment' AND r.holds_seat AND r.hold_expires_at <= $1 ORDER BY r.hold_expires_at LIMIT 200`,
    [now],
  )
  let released = 0
  for (const row of rows) {
    const req = await createLocalReq({}, payload)
    const done = await withTransaction(req, async () => {
      const ended = await releaseHold(req, row.payment_id, 'expired', 'hold_expired')
      if (ended && row.session_id) await enqueue(req, 'stripe.expire_session', { session_id: row.session_id })
      return ended
    })
    if (done) released++
  }
  return released
}
