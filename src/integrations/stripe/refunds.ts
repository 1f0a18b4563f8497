import { stripe } from './client.ts'

/** A full refund of a payment intent. One per payment whatever the retries: Stripe deduplicates on the idempotency key. */
export async function refundPaymentIntent(paymentIntent: string, paymentId: number): Promise<void> {
  await stripe().refunds.create(
    { payment_intent: paymentIntent, reason: 'requested_by_customer', metadata: { payment_id: String(paymentId) } },
    { idempotencyKey: `refund:${paymentId}` },
  )
}
