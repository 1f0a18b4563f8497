import { z } from 'zod'
import { cancelSubscription, reactivateSubscription } from '../../../src/domain/billing/changeSubscription.ts'
import { currentSubscription } from '../../../src/domain/billing/currentSubscription.ts'
import { listInvoices } from '../../../src/domain/billing/listInvoices.ts'
import { startSubscriptionCheckout } from '../../../src/domain/billing/startSubscriptionCheckout.ts'
import { NotFoundError } from '../../../src/lib/errors.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { WebhookOut } from '../payments/schemas.ts'
import { receiveStripeWebhook } from '../payments/index.ts'
import { serializeSubscription } from './serialize.ts'

export const billingRoutes = v1Router('/billing')

const BillingCheckoutBody = z.object({
  success_url: z.url().max(2000),
  cancel_url: z.url().max(2000),
  plan_id: z.string().trim().min(1).max(100).optional(),
})
const CancelQuery = z.object({ cancel_immediately: z.stringbool().default(false) })
const InvoicesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) })
const SubscriptionOut = z.object({
  id: z.number(),
  status: z.string(),
  current_period_start: z.string().nullable(),
  current_period_end: z.string().nullable(),
  cancel_at_period_end: z.boolean(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
})

billingRoutes.post(
  '/webhook',
  {
    summary: 'Stripe webhook for billing (spec 003); same handler as payments/webhook',
    rateLimit: false,
    responses: { 200: WebhookOut, 400: 'Invalid or old signature: nothing written' },
  },
  receiveStripeWebhook,
)

billingRoutes.post(
  '/checkout',
  {
    summary: 'Subscription Checkout Session (spec 003; plan_id optional)',
    auth: 'user',
    body: BillingCheckoutBody,
    responses: {
      200: z.object({ session_id: z.string(), url: z.string() }),
      400: 'Redirect outside the allowed origins',
      404: 'Unknown plan',
    },
  },
  async ({ req, user, body }) => {
    const session = await startSubscriptionCheckout(req, user, {
      planCode: body.plan_id,
      successUrl: body.success_url,
      cancelUrl: body.cancel_url,
    })
    return { body: { session_id: session.id, url: session.url ?? '' } }
  },
)

billingRoutes.get(
  '/subscription',
  { summary: "The caller's subscription (spec 003)", auth: 'user', responses: { 200: SubscriptionOut, 404: 'No subscription' } },
  async ({ req, user }) => {
    const subscription = await currentSubscription(req, user.id)
    if (!subscription) throw new NotFoundError('You have no subscription.')
    return { body: serializeSubscription(subscription) }
  },
)

billingRoutes.post(
  '/subscription/cancel',
  {
    summary: 'Cancel at period end, or at once with ?cancel_immediately=true',
    auth: 'user',
    query: CancelQuery,
    responses: { 200: SubscriptionOut, 404: 'No subscription' },
  },
  async ({ req, user, query }) => {
    const subscription = await cancelSubscription(req, user, query.cancel_immediately)
    return {
      body: {
        ...serializeSubscription(subscription),
        detail: query.cancel_immediately ? 'Subscription cancelled.' : 'Subscription will cancel at the end of the period.',
      },
    }
  },
)

billingRoutes.post(
  '/subscription/reactivate',
  {
    summary: 'Undo a cancellation at period end',
    auth: 'user',
    responses: { 200: SubscriptionOut, 400: 'Not cancelling, or already ended' },
  },
  async ({ req, user }) => {
    const subscription = await reactivateSubscription(req, user)
    return { body: { ...serializeSubscription(subscription), detail: 'Subscription reactivated.' } }
  },
)

billingRoutes.get(
  '/invoices',
  { summary: "The caller's invoices from Stripe (spec 003)", auth: 'user', query: InvoicesQuery, responses: { 200: 'Array of invoices' } },
  async ({ req, user, query }) => ({ body: await listInvoices(req, user.id, query.limit) }),
)
