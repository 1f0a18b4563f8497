import type { PayloadRequest } from 'payload'
import Stripe from 'stripe'
import type { Event, User } from '../../payload-types.ts'
import { ConflictError, PaymentRequiredError, ServiceUnavailableError } from '../../lib/errors.ts'
import { stripe } from '../../integrations/stripe/client.ts'
import { confirmPaidRegistration } from './confirmPaidRegistration.ts'
import { setPaymentLinks } from './paymentRecords.ts'
import { releaseHold } from './releaseHold.ts'
import { holdMetadata, reserveSeatForPayment } from './reserveSeatForPayment.ts'
import { isUnknownPaymentMethod, unknownPaymentMethodError } from '../../integrations/stripe/unknownPaymentMethod.ts'

export type IntentPayment = { paymentId: number; registrationId: number; intent: Stripe.PaymentIntent }

/**
 * Spec 001's paid booking of an open event (see eventOpenForRegistration): a seat is held and a PaymentIntent confirmed with the client's payment method
 * (idempotency key per payment). Paid now: the ticket is issued at once. Needs 3-D Secure: the client
 * secret goes back to the app and the payment_intent.succeeded webhook finishes the job. Declined: the
 * seat is released and 402 answered.
 */
export async function payWithPaymentMethod(req: PayloadRequest, user: User, event: Event, paymentMethodId: string): Promise<IntentPayment> {
  const hold = await reserveSeatForPayment(req, user, event, 'card')
  if (hold.existingSessionId) throw new ConflictError('A checkout for this event is already open; finish or cancel it first.')
  const metadata = holdMetadata(hold, event, user)
  let intent: Stripe.PaymentIntent
  try {
    intent = await stripe().paymentIntents.create(
      {
        amount: Number(event.price_cents),
        currency: event.currency.toLowerCase(),
        payment_method: paymentMethodId,
        confirm: true,
        allowed_payment_method_types: ['card'],
        metadata,
      },
      { idempotencyKey: `intent:${hold.paymentId}` },
    )
  } catch (error) {
    const declined = error instanceof Stripe.errors.StripeCardError
    const unknownMethod = isUnknownPaymentMethod(error)
    await releaseHold(
      req,
      hold.paymentId,
      'failed',
      'payment_failed',
      declined || unknownMethod ? (error as Error).message : 'The payment provider could not be reached.',
    )
    if (declined)
      throw new PaymentRequiredError({
        message: error.message,
        event_id: event.id,
        price_cents: event.price_cents,
        currency: event.currency,
      })
    if (unknownMethod) throw unknownPaymentMethodError()
    throw new ServiceUnavailableError('The payment provider is unavailable. Please try again.')
  }
  await setPaymentLinks(req, hold.paymentId, { stripe_payment_intent_id: intent.id })
  if (intent.status === 'succeeded') await confirmPaidRegistration(req, hold.paymentId, intent.id)
  return { paymentId: hold.paymentId, registrationId: hold.registrationId, intent }
}
