import Stripe from 'stripe'
import { stripe } from './client.ts'

/** Closes a Checkout Session at Stripe so it can no longer be paid; one that completed or expired meanwhile is left as it is. */
export async function expireCheckoutSessionIfOpen(sessionId: string): Promise<void> {
  await stripe()
    .checkout.sessions.expire(sessionId)
    .catch((error: unknown) => {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error
    })
}
