import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import type { User } from '../../payload-types.ts'
import { stripe } from '../../integrations/stripe/client.ts'
import { assertAllowedRedirects } from '../../integrations/stripe/redirectUrls.ts'
import { closeOpenSubscriptionCheckouts } from './closeOpenSubscriptionCheckouts.ts'
import { ensureCustomer } from './customers.ts'
import { oneSubscriptionAttemptAtATime } from './subscriptionAttemptLock.ts'
import { assertNoLiveSubscription } from './currentSubscription.ts'
import { planByCode, stripePriceOf } from './plans.ts'

/** Spec 003's billing checkout: a subscription-mode Checkout Session for a plan (DEFAULT_PLAN_CODE by default). */
export async function startSubscriptionCheckout(
  req: PayloadRequest,
  user: User,
  input: { planCode?: string; successUrl: string; cancelUrl: string },
): Promise<Stripe.Checkout.Session> {
  assertAllowedRedirects({ success_url: input.successUrl, cancel_url: input.cancelUrl })
  return oneSubscriptionAttemptAtATime(req, user.id, () => openCheckout(req, user, input))
}

async function openCheckout(
  req: PayloadRequest,
  user: User,
  input: { planCode?: string; successUrl: string; cancelUrl: string },
): Promise<Stripe.Checkout.Session> {
  await assertNoLiveSubscription(req, user.id)
  const plan = await planByCode(req, input.planCode)
  const [customer, price] = await Promise.all([ensureCustomer(req, user), stripePriceOf(req, plan)])
  await closeOpenSubscriptionCheckouts(customer)
  const metadata = { user_id: String(user.id), plan_id: String(plan.id) }
  return stripe().checkout.sessions.create({
    mode: 'subscription',
    customer,
    line_items: [{ price, quantity: 1 }],
    metadata,
    subscription_data: { metadata },
    client_reference_id: String(user.id),
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
  })
}
