import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { settleSessionPayment } from './sessionRecords.ts'

/** The Stripe events that settle a session's charge after 3-D Secure. */
export const SESSION_PAYMENT_EVENTS = ['payment_intent.succeeded', 'payment_intent.payment_failed']

/** Applies a PaymentIntent event to the friend session it charged (named in its metadata); others are not ours. */
export async function applySessionPaymentEvent(req: PayloadRequest, event: Stripe.Event): Promise<void> {
  if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed') return
  const intent = event.data.object
  const sessionId = Number(intent.metadata?.friend_session_id)
  if (!Number.isInteger(sessionId) || sessionId <= 0) return
  await settleSessionPayment(req, sessionId, event.type === 'payment_intent.succeeded' ? 'paid' : 'failed', intent.id)
}
