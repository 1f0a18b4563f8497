import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { returnSeat } from '../registrations/offerSeat.ts'
import type { CancelReason } from '../registrations/cancelRegistration.ts'
import { movePayment } from './paymentRecords.ts'
import type { PaymentStatus } from './paymentTransitions.ts'

/**
 * Ends an unpaid hold: the payment moves to `status` (if it still may), the registration waiting for it
 * is cancelled and its seat goes back to the event and on to the waitlist. Idempotent: a hold already
 * released, or a registration already paid, is left as it is.
 */
export async function releaseHold(
  req: PayloadRequest,
  paymentId: number,
  status: Extract<PaymentStatus, 'failed' | 'expired'>,
  reason: Extract<CancelReason, 'payment_failed' | 'hold_expired'>,
  failureReason?: string,
): Promise<boolean> {
  return withTransaction(req, async () => {
    await movePayment(req, paymentId, status, { failure_reason: failureReason ?? null })
    const db = await txDb(req)
    const released = await db.execute(sql`
      UPDATE registrations SET status = 'cancelled', cancel_reason = ${reason}, cancelled_at = now(), holds_seat = false,
        payment_status = ${status === 'failed' ? 'failed' : 'pending'}, hold_expires_at = NULL, updated_at = now()
      WHERE payment_id = ${paymentId} AND status = 'pending_payment' AND holds_seat
      RETURNING event_id`)
    const row = released.rows[0] as { event_id: number } | undefined
    if (!row) return false
    await returnSeat(req, row.event_id)
    return true
  })
}
