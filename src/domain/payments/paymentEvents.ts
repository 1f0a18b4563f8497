import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { confirmPaidRegistration } from './confirmPaidRegistration.ts'
import { lockPayment, movePayment } from './paymentRecords.ts'
import { releaseHold } from './releaseHold.ts'
import { cancelRefundedRegistration } from '../registrations/cancelRefundedRegistration.ts'

export const PAYMENT_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
] as const

const paymentIdOf = (metadata: Stripe.Metadata | null | undefined) => (metadata?.payment_id ? Number(metadata.payment_id) : null)
const intentIdOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null))

/** The effect of a one-off payment event on our payment and its registration (subscriptions are billing's). */
export async function applyPaymentEvent(req: PayloadRequest, event: Stripe.Event): Promise<void> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object
      const paymentId = paymentIdOf(session.metadata)
      // An async method (e.g. some wallets) completes the session before the money moves: wait for it.
      if (session.mode === 'payment' && paymentId && session.payment_status === 'paid')
        await confirmPaidRegistration(req, paymentId, intentIdOf(session.payment_intent))
      return
    }
    case 'checkout.session.async_payment_failed': {
      const paymentId = paymentIdOf(event.data.object.metadata)
      if (paymentId) await releaseHold(req, paymentId, 'failed', 'payment_failed', 'The payment did not go through.')
      return
    }
    case 'checkout.session.expired': {
      const paymentId = paymentIdOf(event.data.object.metadata)
      if (paymentId) await releaseHold(req, paymentId, 'expired', 'hold_expired')
      return
    }
    case 'payment_intent.succeeded': {
      const intent = event.data.object
      const paymentId = paymentIdOf(intent.metadata)
      if (paymentId) await confirmPaidRegistration(req, paymentId, intent.id)
      return
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object
      const paymentId = paymentIdOf(intent.metadata)
      if (paymentId)
        await releaseHold(req, paymentId, 'failed', 'payment_failed', intent.last_payment_error?.message ?? 'The payment failed.')
      return
    }
    case 'charge.refunded': {
      const charge = event.data.object
      if (charge.amount_refunded < charge.amount) return // partial refunds keep the ticket
      await markRefunded(req, intentIdOf(charge.payment_intent), paymentIdOf(charge.metadata))
      return
    }
    default:
      return
  }
}

/** Runs inside handleStripeEvent's transaction. */
async function markRefunded(req: PayloadRequest, paymentIntentId: string | null, paymentId: number | null): Promise<void> {
  const payment = paymentIntentId
    ? await lockPayment(req, { paymentIntentId })
    : paymentId
      ? await lockPayment(req, { id: paymentId })
      : null
  if (!payment || !(await movePayment(req, payment.id, 'refunded'))) return
  await cancelRefundedRegistration(req, payment.id)
}
