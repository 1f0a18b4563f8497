import type { PayloadRequest } from 'payload'
import Stripe from 'stripe'
import { stripe } from '../../integrations/stripe/client.ts'
import { isUnknownPaymentMethod, unknownPaymentMethodError } from '../../integrations/stripe/unknownPaymentMethod.ts'
import { PaymentRequiredError, ServiceUnavailableError } from '../../lib/errors.ts'
import { decimalAmount } from '../../lib/money.ts'
import { setSessionPayment } from './sessionRecords.ts'

export type SessionCharge = { id: number; priceCents: number; currency: string; userId: number }

/**
 * Charges a booked session with the client's payment method (a confirmed PaymentIntent, as events/book
 * does; idempotency key per session). Declined: the session is cancelled, so its slot is free again, and
 * 402 answered. 3-D Secure: the session stays booked with `requires_action` and the client secret.
 */
export async function chargeSession(req: PayloadRequest, session: SessionCharge, paymentMethodId: string): Promise<string | null> {
  let intent: Stripe.PaymentIntent
  try {
    intent = await stripe().paymentIntents.create(
      {
        amount: session.priceCents,
        currency: session.currency.toLowerCase(),
        payment_method: paymentMethodId,
        confirm: true,
        allowed_payment_method_types: ['card'],
        metadata: { friend_session_id: String(session.id), user_id: String(session.userId) },
      },
      { idempotencyKey: `friend-session:${session.id}` },
    )
  } catch (error) {
    await setSessionPayment(req, session.id, 'failed', null)
    if (error instanceof Stripe.errors.StripeCardError)
      throw new PaymentRequiredError({
        message: error.message,
        session_id: session.id,
        price: decimalAmount(session.priceCents, session.currency),
        currency: session.currency,
      })
    if (isUnknownPaymentMethod(error)) throw unknownPaymentMethodError()
    throw new ServiceUnavailableError('The payment provider is unavailable. Please try again.')
  }
  await setSessionPayment(req, session.id, intent.status === 'succeeded' ? 'paid' : 'requires_action', intent.id)
  return intent.status === 'succeeded' ? null : intent.client_secret
}
