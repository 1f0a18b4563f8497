import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import type { Event, User } from '../../payload-types.ts'
import { BadRequestError, ConflictError, ServiceUnavailableError } from '../../lib/errors.ts'
import { logger } from '../../lib/logger.ts'
import { stripe } from '../../integrations/stripe/client.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { setPaymentHoldExpiry } from '../registrations/holdSeatForPayment.ts'
import { setPaymentLinks } from './paymentRecords.ts'
import { eventOpenForRegistration } from '../registrations/eventForRegistration.ts'
import { assertAllowedRedirects } from '../../integrations/stripe/redirectUrls.ts'
import { releaseHold } from './releaseHold.ts'
import { holdMetadata, reserveSeatForPayment, type Hold, type PaymentMethod } from './reserveSeatForPayment.ts'

export type CheckoutInput = { eventId: number; paymentMethod: PaymentMethod; successUrl: string; cancelUrl: string }

/**
 * Spec 000's paid registration: a seat is held (pending_payment) and a Stripe Checkout Session opened for
 * the event's price (never the client's) with the chosen method. The Stripe call carries an idempotency
 * key per payment and happens after the hold commits; a retried request gets the same session back.
 */
export async function startEventCheckout(
  req: PayloadRequest,
  user: User,
  input: CheckoutInput,
): Promise<{ session: Stripe.Checkout.Session; paymentId: number }> {
  assertAllowedRedirects({ success_url: input.successUrl, cancel_url: input.cancelUrl })
  const event = await eventOpenForRegistration(req, input.eventId)
  if (!(Number(event.price_cents) > 0))
    throw new BadRequestError(`This event is free: register with POST /api/v1/events/${event.id}/register.`)
  const hold = await reserveSeatForPayment(req, user, event, input.paymentMethod)
  if (hold.existingSessionId) return { session: await openSession(hold.existingSessionId), paymentId: hold.paymentId }
  let session: Stripe.Checkout.Session
  try {
    session = await createSession(event, user, hold, input)
  } catch (error) {
    logger.error({ err: error, paymentId: hold.paymentId }, 'creating the checkout session failed; releasing the hold')
    await releaseHold(req, hold.paymentId, 'failed', 'payment_failed', 'The payment provider could not be reached.')
    throw new ServiceUnavailableError('The payment provider is unavailable. Please try again.')
  }
  await withTransaction(req, async () => {
    await setPaymentLinks(req, hold.paymentId, { stripe_checkout_session_id: session.id })
    await setPaymentHoldExpiry(req, hold.registrationId, new Date(session.expires_at * 1000))
  })
  return { session, paymentId: hold.paymentId }
}

async function openSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  const session = await stripe().checkout.sessions.retrieve(sessionId)
  if (session.status !== 'open') throw new ConflictError('Your previous checkout for this event is closing; try again in a minute.')
  return session
}

function createSession(event: Event, user: User, hold: Hold, input: CheckoutInput): Promise<Stripe.Checkout.Session> {
  const metadata = holdMetadata(hold, event, user)
  return stripe().checkout.sessions.create(
    {
      mode: 'payment',
      allowed_payment_method_types: [input.paymentMethod],
      ...(input.paymentMethod === 'wechat_pay' ? { payment_method_options: { wechat_pay: { client: 'web' } } } : {}),
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: event.currency.toLowerCase(),
            unit_amount: Number(event.price_cents),
            product_data: { name: event.name },
          },
        },
      ],
      metadata,
      payment_intent_data: { metadata },
      client_reference_id: String(hold.registrationId),
      customer_email: user.email ?? undefined,
      expires_at: Math.floor(hold.holdExpiresAt.getTime() / 1000),
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
    },
    { idempotencyKey: `checkout:${hold.paymentId}` },
  )
}
