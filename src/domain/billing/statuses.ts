/** Stripe's subscription statuses, mirrored as they are. */
export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/** Subscriptions that give the member their plan's benefits (premium rate-limit tier). */
export const ENTITLED_SUBSCRIPTION_STATUSES = ['active', 'trialing'] as const satisfies readonly SubscriptionStatus[]

/** Subscriptions that still count as the member's one live subscription (a second one is refused). */
export const LIVE_SUBSCRIPTION_STATUSES = [...ENTITLED_SUBSCRIPTION_STATUSES, 'past_due'] as const satisfies readonly SubscriptionStatus[]
