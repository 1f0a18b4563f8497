import type { Request } from 'express'
import { currentSubscription, subscriptionStatusOf } from '../../../src/domain/billing/currentSubscription.ts'
import { subscribeWithPaymentMethod } from '../../../src/domain/billing/subscribeWithPaymentMethod.ts'
import { periodOf } from '../../../src/domain/billing/subscriptionRecords.ts'
import { handleStripeEvent } from '../../../src/domain/stripeWebhooks/handleStripeEvent.ts'
import { startEventCheckout } from '../../../src/domain/payments/startEventCheckout.ts'
import { verifyWebhook } from '../../../src/integrations/stripe/verifyWebhook.ts'
import type { Registration } from '../../../src/payload-types.ts'
import { NotFoundError } from '../../../src/lib/errors.ts'
import { v1Router, type RouteContext } from '../../../src/http/v1Router.ts'
import { minorUnits } from '../../../src/lib/validation/money.ts'
import { serializeSubscription } from '../billing/serialize.ts'
import { CheckoutBody, CheckoutOut, PaymentParams, PaymentStatusOut, SubscribeBody, WebhookOut } from './schemas.ts'
import { extractID } from 'payload/shared'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

export const paymentsRoutes = v1Router('/payments')

const webhookSpec = {
  summary: 'Stripe webhook (signature on the raw body); each event applied once',
  rateLimit: false as const,
  responses: { 200: WebhookOut, 400: 'Invalid or old signature: nothing written' },
}

/** Stripe webhook: verified on the raw body, applied once per event id (replays answer 200 and change nothing). */
export async function receiveStripeWebhook({ req, http }: RouteContext<typeof webhookSpec>) {
  const event = verifyWebhook((http.req as Request & { rawBody?: Buffer }).rawBody, http.req.get('stripe-signature'))
  const outcome = await handleStripeEvent(req, event)
  return { body: { received: true as const, duplicate: outcome.duplicate } }
}

paymentsRoutes.post('/webhook', webhookSpec, receiveStripeWebhook)

paymentsRoutes.post(
  '/create-checkout-session',
  {
    summary: 'Hold a seat and open a Stripe Checkout Session for a paid event (spec 000)',
    auth: 'user',
    body: CheckoutBody,
    responses: {
      200: CheckoutOut,
      400: 'Free event, or a redirect URL outside the allowed origins',
      409: 'Full or already registered',
      503: 'Stripe unreachable',
    },
  },
  async ({ req, user, body }) => {
    const { session, paymentId } = await startEventCheckout(req, user, {
      eventId: body.event_id,
      paymentMethod: body.payment_method,
      successUrl: body.success_url,
      cancelUrl: body.cancel_url,
    })
    return {
      body: {
        session_id: session.id,
        checkout_url: session.url ?? '',
        payment_id: paymentId,
        expires_at: new Date(session.expires_at * 1000).toISOString(),
      },
    }
  },
)

paymentsRoutes.get(
  '/status/:payment_id',
  {
    summary: 'A payment and, once paid, its ticket (owner or staff)',
    auth: 'user',
    params: PaymentParams,
    responses: { 200: PaymentStatusOut, 404: 'Not found or not yours' },
  },
  async ({ req, params }) => {
    // The collection's read access (owner or staff) decides: anyone else gets null, answered as 404.
    const payment = await req.payload.findByID({
      collection: 'payments',
      id: params.payment_id,
      depth: 1,
      overrideAccess: false,
      req,
      disableErrors: true,
    })
    if (!payment) throw new NotFoundError('Payment not found.')
    const registration = typeof payment.registration === 'object' ? (payment.registration as Registration | null) : null
    return {
      body: {
        payment_id: payment.id,
        status: payment.status,
        amount_cents: payment.amount_cents,
        amount: payment.amount_cents / minorUnits(payment.currency),
        currency: payment.currency,
        payment_method: payment.payment_method,
        failure_reason: payment.failure_reason ?? null,
        created_at: iso(payment.createdAt),
        paid_at: isoOrNull(payment.paid_at),
        registration: registration
          ? {
              id: registration.id,
              event_id: extractID(registration.event),
              status: registration.status,
              ticket_code: payment.status === 'succeeded' ? (registration.ticket_code ?? null) : null,
            }
          : null,
      },
    }
  },
)

paymentsRoutes.post(
  '/subscribe',
  {
    summary: 'Subscribe to a plan with a payment method (spec 001)',
    auth: 'user',
    envelope: 'humanlink',
    body: SubscribeBody,
    responses: { 201: 'HumanLink envelope: {subscription{id, status, current_period_end}, client_secret}', 404: 'Unknown plan' },
  },
  async ({ req, user, body }) => {
    const { subscription, clientSecret } = await subscribeWithPaymentMethod(req, user, body.plan_id, body.payment_method_id)
    const periodEnd = periodOf(subscription).end
    return {
      status: 201,
      body: {
        success: true,
        data: {
          subscription: { id: subscription.id, status: subscription.status, current_period_end: periodEnd?.toISOString() ?? null },
          client_secret: clientSecret,
        },
        message: subscription.status === 'active' ? 'Subscription active' : 'Confirm the payment to activate the subscription',
      },
    }
  },
)

paymentsRoutes.get(
  '/status',
  {
    summary: "The caller's subscription status (spec 001)",
    auth: 'user',
    envelope: 'humanlink',
    responses: { 200: 'HumanLink envelope: {subscription_status, subscription}' },
  },
  async ({ req, user }) => {
    const subscription = await currentSubscription(req, user.id)
    return {
      body: {
        success: true,
        data: {
          subscription_status: subscriptionStatusOf(subscription),
          subscription: subscription ? serializeSubscription(subscription) : null,
        },
      },
    }
  },
)
