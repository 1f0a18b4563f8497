import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { returnSeat } from '../registrations/offerSeat.ts'

/** A fully refunded ticket is no longer valid: the registration is cancelled and its seat offered on. */
export async function cancelRefundedRegistration(req: PayloadRequest, paymentId: number): Promise<void> {
  const db = await txDb(req)
  const cancelled = await db.execute(sql`
    UPDATE registrations r SET status = 'cancelled', cancel_reason = 'refunded', cancelled_at = now(), payment_status = 'refunded',
      holds_seat = false, updated_at = now()
    FROM (SELECT id, holds_seat FROM registrations WHERE payment_id = ${paymentId} FOR UPDATE) previous
    WHERE r.id = previous.id AND r.status IN ('confirmed', 'pending_payment')
    RETURNING r.event_id, previous.holds_seat AS held`)
  const row = cancelled.rows[0] as { event_id: number; held: boolean } | undefined
  // A payment refunded because its hold had already ended has no seat to give back.
  await db.execute(sql`UPDATE registrations SET payment_status = 'refunded' WHERE payment_id = ${paymentId}`)
  if (!row?.held) return
  await returnSeat(req, row.event_id)
}
