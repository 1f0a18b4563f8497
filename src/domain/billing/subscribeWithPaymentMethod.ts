import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import type { User } from '../../payload-types.ts'
import { stripe } from '../../lib/stripe.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { ensureCustomer } from './customers.ts'
import { planByCode, stripePriceOf } from './plans.ts'
import { upsertSubscription } from './subscriptionRecords.ts'

/**
 * Spec 001's subscribe: the payment method becomes the customer's default and a subscription starts on it.
 * When the bank asks for 3-D Secure, the answer carries the client secret to confirm it in the app; the
 * webhooks then bring the subscription to `active`.
 */
export async function subscribeWithPaymentMethod(req: PayloadRequest, user: User, planCode: string, paymentMethodId: string) {
  const plan = await planByCode(req, planCode)
  const [customer, price] = await withTransaction(req, async () => Promise.all([ensureCustomer(req, user), stripePriceOf(req, plan)]))
  await stripe().paymentMethods.attach(paymentMethodId, { customer })
  await stripe().customers.update(customer, { invoice_settings: { default_payment_method: paymentMethodId } })
  const subscription = await stripe().subscriptions.create(
    {
      customer,
      items: [{ price }],
      default_payment_method: paymentMethodId,
      payment_behavior: 'allow_incomplete',
      metadata: { user_id: String(user.id), plan_id: String(plan.id) },
      expand: ['latest_invoice.confirmation_secret', 'latest_invoice.payment_intent'],
    },
    { idempotencyKey: `subscribe:${user.id}:${plan.id}:${paymentMethodId}` },
  )
  await withTransaction(req, () => upsertSubscription(req, subscription))
  return { subscription, clientSecret: clientSecretOf(subscription) }
}

/** Where the first invoice's confirmation secret is: `confirmation_secret` now, the PaymentIntent before. */
function clientSecretOf(subscription: Stripe.Subscription): string | null {
  const invoice = subscription.latest_invoice
  if (!invoice || typeof invoice === 'string') return null
  const legacy = (invoice as Stripe.Invoice & { payment_intent?: { client_secret?: string | null } | string | null }).payment_intent
  return invoice.confirmation_secret?.client_secret ?? (typeof legacy === 'object' ? (legacy?.client_secret ?? null) : null)
}
