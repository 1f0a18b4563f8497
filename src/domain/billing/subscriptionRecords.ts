import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { firstRow, sqlList } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { setRateLimitTier } from '../auth/userRecords.ts'
import { ENTITLED_SUBSCRIPTION_STATUSES } from './statuses.ts'
import { userOfCustomer } from './customers.ts'

const at = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null)

/** Period bounds: on the first item in current API versions, on the subscription in older ones. */
export function periodOf(subscription: Stripe.Subscription): { start: Date | null; end: Date | null } {
  const item = subscription.items?.data?.[0] as
    (Stripe.SubscriptionItem & { current_period_start?: number; current_period_end?: number }) | undefined
  const legacy = subscription as Stripe.Subscription & { current_period_start?: number; current_period_end?: number }
  return {
    start: at(item?.current_period_start ?? legacy.current_period_start),
    end: at(item?.current_period_end ?? legacy.current_period_end),
  }
}

/**
 * Mirrors a Stripe subscription into `subscriptions` (insert or update by Stripe id, in one statement) and
 * re-derives the owner's rate-limit tier. Stripe is the source of truth; this only copies it. An ended
 * subscription stays ended (Stripe never revives one), whatever stale copy arrives later.
 */
export async function upsertSubscription(req: PayloadRequest, subscription: Stripe.Subscription): Promise<number | null> {
  const customerId = typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id
  const userId = subscription.metadata?.user_id ? Number(subscription.metadata.user_id) : await userOfCustomer(req, customerId)
  if (!userId) return null
  const db = await txDb(req)
  const planId = await planOf(req, subscription)
  const { start, end } = periodOf(subscription)
  await db.execute(sql`
    INSERT INTO subscriptions (user_id, plan_id, stripe_subscription_id, stripe_customer_id, status, current_period_start, current_period_end,
      cancel_at_period_end, canceled_at, updated_at, created_at)
    VALUES (${userId}, ${planId}, ${subscription.id}, ${customerId}, ${subscription.status}, ${start}, ${end}, ${subscription.cancel_at_period_end},
      ${at(subscription.canceled_at)}, now(), now())
    ON CONFLICT (stripe_subscription_id) DO UPDATE SET status = EXCLUDED.status, plan_id = COALESCE(EXCLUDED.plan_id, subscriptions.plan_id),
      current_period_start = COALESCE(EXCLUDED.current_period_start, subscriptions.current_period_start),
      current_period_end = COALESCE(EXCLUDED.current_period_end, subscriptions.current_period_end),
      cancel_at_period_end = EXCLUDED.cancel_at_period_end, canceled_at = EXCLUDED.canceled_at, updated_at = now()
    WHERE subscriptions.status <> 'canceled' OR EXCLUDED.status = 'canceled'`)
  await syncRateLimitTier(req, userId)
  return userId
}

async function planOf(req: PayloadRequest, subscription: Stripe.Subscription): Promise<number | null> {
  if (subscription.metadata?.plan_id) return Number(subscription.metadata.plan_id)
  const priceId = subscription.items?.data?.[0]?.price?.id
  if (!priceId) return null
  const db = await txDb(req)
  const found = await db.execute(sql`SELECT id FROM plans WHERE stripe_price_id = ${priceId}`)
  return firstRow<{ id: number }>(found)?.id ?? null
}

/** Premium while an active (or trialing) subscription to a premium plan exists; standard otherwise. */
export async function syncRateLimitTier(req: PayloadRequest, userId: number): Promise<void> {
  const db = await txDb(req)
  const entitled = await db.execute(sql`
    SELECT 1 FROM subscriptions s JOIN plans p ON p.id = s.plan_id
    WHERE s.user_id = ${userId} AND s.status IN ${sqlList(ENTITLED_SUBSCRIPTION_STATUSES)} AND p.rate_limit_tier = 'premium'
    LIMIT 1`)
  await setRateLimitTier(req, userId, entitled.rows.length > 0 ? 'premium' : 'standard')
}
