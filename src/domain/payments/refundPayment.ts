import type { PayloadRequest } from 'payload'
import { enqueue } from '../outbox/enqueue.ts'

/**
 * Gives the money back after commit (outbox -> Stripe refund, idempotency key per payment, so retries never
 * refund twice). The payment becomes `refunded` when Stripe's charge.refunded event arrives.
 */
export async function refundPayment(
  req: PayloadRequest,
  payment: { id: number; stripe_payment_intent_id: string | null },
  notify?: { email: string; subject: string; text: string },
) {
  if (!payment.stripe_payment_intent_id) return
  await enqueue(req, 'stripe.refund', { payment_id: payment.id, payment_intent: payment.stripe_payment_intent_id })
  if (notify) await enqueue(req, 'email.send', { to: notify.email, subject: notify.subject, text: notify.text })
}
