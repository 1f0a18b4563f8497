import type { Plan, Subscription } from '../../../src/payload-types.ts'
import { minorUnits } from '../../../src/lib/validation/money.ts'
import { isoOrNull as iso } from '../../../src/lib/dates.ts'

/** Spec 003's subscription body (price in currency units, lower-case currency like Stripe) plus plan and Stripe ids. */
export function serializeSubscription(subscription: Subscription & { plan?: Plan | number | null }) {
  const plan = typeof subscription.plan === 'object' ? subscription.plan : null
  return {
    id: subscription.id,
    status: subscription.status,
    current_period_start: iso(subscription.current_period_start),
    current_period_end: iso(subscription.current_period_end),
    cancel_at_period_end: Boolean(subscription.cancel_at_period_end),
    canceled_at: iso(subscription.canceled_at),
    price: plan ? plan.price_cents / minorUnits(plan.currency) : null,
    currency: plan ? plan.currency.toLowerCase() : null,
    plan: plan ? { id: plan.code, name: plan.name, interval: plan.interval } : null,
    stripe_subscription_id: subscription.stripe_subscription_id,
  }
}
