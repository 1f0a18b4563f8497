import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { sendTicketEmail } from '../registrations/notifications.ts'
import { ACTIVE_STATUSES } from '../registrations/conflicts.ts'
import { lockUser, takeSeat } from '../registrations/seats.ts'
import { generateTicketCode } from '../registrations/ticketCode.ts'
import { lockPayment, movePayment } from './paymentRecords.ts'
import { refundPayment } from './refundPayment.ts'

export type PaidOutcome = 'confirmed' | 'already_paid' | 'refunded_no_seat' | 'unknown_payment'

/**
 * The money arrived: the payment succeeds and its registration is confirmed with a ticket. If the hold
 * ran out first and the seat went to someone else, the seat is taken again when one is free, else the
 * payment is refunded and the buyer told. Safe to run twice for one payment (the second is a no-op).
 */
export async function confirmPaidRegistration(
  req: PayloadRequest,
  paymentId: number,
  paymentIntentId: string | null,
): Promise<PaidOutcome> {
  return withTransaction(req, async () => {
    const payment = await lockPayment(req, { id: paymentId })
    if (!payment) return 'unknown_payment'
    if (!(await movePayment(req, payment.id, 'succeeded', { stripe_payment_intent_id: paymentIntentId }))) return 'already_paid'
    const settled = { ...payment, stripe_payment_intent_id: paymentIntentId ?? payment.stripe_payment_intent_id }
    const db = await txDb(req)
    const confirmed = await db.execute(sql`
      UPDATE registrations SET status = 'confirmed', payment_status = 'paid', ticket_code = ${generateTicketCode()}, hold_expires_at = NULL, updated_at = now()
      WHERE payment_id = ${payment.id} AND status = 'pending_payment' RETURNING id`)
    if (confirmed.rows.length > 0) {
      await emailTicket(req, (confirmed.rows[0] as { id: number }).id)
      return 'confirmed'
    }
    return (await reviveLateRegistration(req, payment.id, payment.user_id)) ? 'confirmed' : refundLatePayment(req, settled)
  })
}

/** A payment that beat nobody to the seat: take it back if one is free and the buyer holds no other. */
async function reviveLateRegistration(req: PayloadRequest, paymentId: number, userId: number): Promise<boolean> {
  const db = await txDb(req)
  const found = await db.execute(
    sql`SELECT id, event_id FROM registrations WHERE payment_id = ${paymentId} AND status = 'cancelled' FOR UPDATE`,
  )
  const registration = found.rows[0] as { id: number; event_id: number } | undefined
  if (!registration) return false
  await lockUser(req, userId)
  const other = await db.execute(sql`
    SELECT 1 FROM registrations WHERE event_id = ${registration.event_id} AND user_id = ${userId}
      AND status IN ${ACTIVE_STATUSES} LIMIT 1`)
  if (other.rows.length > 0 || !(await takeSeat(req, registration.event_id))) return false
  await db.execute(sql`
    UPDATE registrations SET status = 'confirmed', payment_status = 'paid', holds_seat = true, ticket_code = ${generateTicketCode()},
      cancelled_at = NULL, cancel_reason = NULL, hold_expires_at = NULL, updated_at = now()
    WHERE id = ${registration.id}`)
  await emailTicket(req, registration.id)
  return true
}

async function refundLatePayment(
  req: PayloadRequest,
  payment: { id: number; user_id: number; stripe_payment_intent_id: string | null },
): Promise<PaidOutcome> {
  const user = await req.payload.findByID({ collection: 'users', id: payment.user_id, depth: 0, overrideAccess: true, req })
  await refundPayment(
    req,
    payment,
    user.email
      ? {
          email: user.email,
          subject: 'Your payment has been refunded',
          text: 'Your payment arrived after the seat we held for you had been released, and the event is now full. We have refunded it in full; it will appear on your statement within a few days.',
        }
      : undefined,
  )
  return 'refunded_no_seat'
}

async function emailTicket(req: PayloadRequest, registrationId: number): Promise<void> {
  const registration = await req.payload.findByID({ collection: 'registrations', id: registrationId, depth: 0, overrideAccess: true, req })
  const [event, user] = await Promise.all([
    req.payload.findByID({ collection: 'events', id: registration.event as number, depth: 0, overrideAccess: true, req }),
    req.payload.findByID({ collection: 'users', id: registration.user as number, depth: 0, overrideAccess: true, req }),
  ])
  await sendTicketEmail(req, registration, event, user)
}
