import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import type { User } from '../../payload-types.ts'
import { PaymentRequiredError } from '../../lib/errors.ts'
import { stripe } from '../../integrations/stripe/client.ts'
import { txDb } from '../../lib/transaction.ts'
import { isUnknownPaymentMethod, unknownPaymentMethodError } from '../../integrations/stripe/unknownPaymentMethod.ts'
import { closeOpenSubscriptionCheckouts } from './closeOpenSubscriptionCheckouts.ts'
import { ensureCustomer } from './customers.ts'
import { oneSubscriptionAttemptAtATime } from './subscriptionAttemptLock.ts'
import { assertNoLiveSubscription } from './currentSubscription.ts'
import { planByCode, stripePriceOf } from './plans.ts'
import { upsertSubscription } from './subscriptionRecords.ts'
import { firstRow } from '../../lib/db/sql.ts'

/**
 * Spec 001's subscribe: the payment method becomes the customer's default and a subscription starts on it.
 * When the bank asks for 3-D Secure, the answer carries the client secret to confirm it in the app; the
 * webhooks then bring the subscription to `active`.
 */
export async function subscribeWithPaymentMethod(req: PayloadRequest, user: User, planCode: string, paymentMethodId: string) {
  const result = await oneSubscriptionAttemptAtATime(req, user.id, () => subscribeOnce(req, user, planCode, paymentMethodId))
  // Thrown after commit: the cancelled subscription stays recorded.
  if (result.declined) throw new PaymentRequiredError({ message: result.declined })
  return result
}

async function subscribeOnce(req: PayloadRequest, user: User, planCode: string, paymentMethodId: string) {
  await assertNoLiveSubscription(req, user.id)
  const plan = await planByCode(req, planCode)
  const [customer, price] = await Promise.all([ensureCustomer(req, user), stripePriceOf(req, plan)])
  await stripe()
    .paymentMethods.attach(paymentMethodId, { customer })
    .catch((error: unknown) => {
      throw isUnknownPaymentMethod(error) ? unknownPaymentMethodError() : error
    })
  await stripe().customers.update(customer, { invoice_settings: { default_payment_method: paymentMethodId } })
  await closeOpenSubscriptionCheckouts(customer)
  const subscription = await stripe().subscriptions.create(
    {
      customer,
      items: [{ price }],
      default_payment_method: paymentMethodId,
      payment_behavior: 'allow_incomplete',
      metadata: { user_id: String(user.id), plan_id: String(plan.id) },
      expand: ['latest_invoice.confirmation_secret'],
    },
    { idempotencyKey: `subscribe:${user.id}:${plan.id}:${paymentMethodId}:${await attemptOf(req, user.id)}` },
  )
  const clientSecret = clientSecretOf(subscription)
  const declined = subscription.status === 'incomplete' && clientSecret ? await declineOf(clientSecret) : null
  const settled = declined ? await stripe().subscriptions.cancel(subscription.id) : subscription
  await upsertSubscription(req, settled)
  // Cancelled at once rather than left to linger incomplete for 23 hours; the member hears the bank's reason.
  return { subscription, clientSecret, declined }
}

/**
 * Which subscription attempt this is (how many the member already has): a double-submitted request shares
 * the idempotency key and gets the same subscription, while a new try after a decline or an ended
 * subscription gets a new one.
 */
async function attemptOf(req: PayloadRequest, userId: number): Promise<number> {
  const db = await txDb(req)
  const found = await db.execute(sql`SELECT count(*)::int AS n FROM subscriptions WHERE user_id = ${userId}`)
  return firstRow<{ n: number }>(found)!.n
}

/** The first invoice's confirmation secret (API 2025-03-31 and later: `invoice.confirmation_secret`). */
function clientSecretOf(subscription: Stripe.Subscription): string | null {
  const invoice = subscription.latest_invoice
  if (!invoice || typeof invoice === 'string') return null
  return invoice.confirmation_secret?.client_secret ?? null
}

/**
 * An incomplete subscription is either waiting for 3-D Secure (the app confirms it with the secret) or its
 * card was declined: the bank's message then, null otherwise.
 */
async function declineOf(clientSecret: string): Promise<string | null> {
  const intentId = clientSecret.split('_secret_')[0]
  if (!intentId.startsWith('pi_')) return null
  const intent = await stripe().paymentIntents.retrieve(intentId)
  if (intent.status !== 'requires_payment_method') return null
  return intent.last_payment_error?.message ?? 'Your card was declined.'
}
