import type { PayloadRequest } from 'payload'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { confirmPaidSeat } from '../registrations/confirmPaidSeat.ts'
import { lockPayment, movePayment, type PaymentRow } from './paymentRecords.ts'
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
    if (await confirmPaidSeat(req, payment.id, payment.user_id)) return 'confirmed'
    return refundLatePayment(req, { ...payment, stripe_payment_intent_id: paymentIntentId ?? payment.stripe_payment_intent_id })
  })
}

async function refundLatePayment(req: PayloadRequest, payment: PaymentRow): Promise<PaidOutcome> {
  const user = await readAsSystem(req, 'users', payment.user_id)
  await refundPayment(
    req,
    payment,
    user.email
      ? {
          email: user.email,
          subject: 'Your payment has been refunded',
          text:
            'Your payment arrived after the seat we held for you had been released, and the event is now full. ' +
            'We have refunded it in full; it will appear on your statement within a few days.',
        }
      : undefined,
  )
  return 'refunded_no_seat'
}
