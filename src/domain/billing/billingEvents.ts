import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { stripe } from '../../integrations/stripe/client.ts'
import { firstRow, sqlList } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { syncRateLimitTier, upsertSubscription } from './subscriptionRecords.ts'

export const BILLING_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
] as const

/**
 * Reads from Stripe that an event needs, done before the database transaction opens. Subscription events
 * are applied from a fresh copy, not the event's snapshot, so out-of-order deliveries cannot roll state back.
 */
export async function prepareBillingEvent(event: Stripe.Event): Promise<Stripe.Subscription | undefined> {
  if (event.type === 'customer.subscription.created' || event.type === 'customer.subscription.updated') {
    return stripe().subscriptions.retrieve(event.data.object.id)
  }
  if (event.type !== 'checkout.session.completed' || event.data.object.mode !== 'subscription') return undefined
  const subscription = event.data.object.subscription
  if (!subscription) return undefined
  return typeof subscription === 'string' ? stripe().subscriptions.retrieve(subscription) : subscription
}

/** Subscription bookkeeping: the local mirror follows Stripe's subscription and invoice events. */
export async function applyBillingEvent(
  req: PayloadRequest,
  event: Stripe.Event,
  prepared: Stripe.Subscription | undefined,
): Promise<void> {
  switch (event.type) {
    case 'checkout.session.completed':
      if (prepared) await upsertSubscription(req, withCheckoutMetadata(prepared, event.data.object))
      return
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
      await upsertSubscription(req, prepared ?? event.data.object)
      return
    case 'customer.subscription.deleted':
      await upsertSubscription(req, event.data.object)
      return
    case 'invoice.paid':
      await setSubscriptionStatus(req, subscriptionIdOf(event.data.object), 'active', ['incomplete', 'past_due', 'unpaid'])
      return
    case 'invoice.payment_failed':
      await setSubscriptionStatus(req, subscriptionIdOf(event.data.object), 'past_due', ['active', 'trialing', 'incomplete'])
      return
    default:
      return
  }
}

/** Checkout knows which of our users and plans a new subscription is for, even if Stripe's copy does not. */
function withCheckoutMetadata(subscription: Stripe.Subscription, session: Stripe.Checkout.Session): Stripe.Subscription {
  return { ...subscription, metadata: { ...(session.metadata ?? {}), ...(subscription.metadata ?? {}) } }
}

function subscriptionIdOf(invoice: Stripe.Invoice): string | null {
  const legacy = (invoice as Stripe.Invoice & { subscription?: string | { id: string } | null }).subscription
  const current = invoice.parent?.subscription_details?.subscription
  const found = legacy ?? current
  return typeof found === 'string' ? found : (found?.id ?? null)
}

/** Forward-only status change from invoice events (Stripe's subscription events carry the full state). */
async function setSubscriptionStatus(
  req: PayloadRequest,
  stripeSubscriptionId: string | null,
  status: string,
  from: string[],
): Promise<void> {
  if (!stripeSubscriptionId) return
  const db = await txDb(req)
  const changed = await db.execute(sql`
    UPDATE subscriptions SET status = ${status}, updated_at = now()
    WHERE stripe_subscription_id = ${stripeSubscriptionId} AND status IN ${sqlList(from)}
    RETURNING user_id`)
  const row = firstRow<{ user_id: number }>(changed)
  if (row) await syncRateLimitTier(req, row.user_id)
}
