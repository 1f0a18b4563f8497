import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { BadRequestError, NotFoundError } from '../../lib/errors.ts'
import { stripe } from '../../integrations/stripe/client.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { currentSubscription } from './currentSubscription.ts'
import { upsertSubscription } from './subscriptionRecords.ts'

async function mine(req: PayloadRequest, user: User) {
  const subscription = await currentSubscription(req, user.id)
  if (!subscription) throw new NotFoundError('You have no subscription.')
  return subscription
}

/** Cancels at the end of the paid period, or at once (spec 003's cancel_immediately). */
export async function cancelSubscription(req: PayloadRequest, user: User, immediately: boolean) {
  const subscription = await mine(req, user)
  if (subscription.status === 'canceled') throw new BadRequestError('This subscription has already ended.')
  const updated = immediately
    ? await stripe().subscriptions.cancel(subscription.stripe_subscription_id)
    : await stripe().subscriptions.update(subscription.stripe_subscription_id, { cancel_at_period_end: true })
  await withTransaction(req, () => upsertSubscription(req, updated))
  return mine(req, user)
}

/** Undoes a cancellation at period end; an ended subscription cannot come back (subscribe again). */
export async function reactivateSubscription(req: PayloadRequest, user: User) {
  const subscription = await mine(req, user)
  if (subscription.status === 'canceled')
    throw new BadRequestError('This subscription has ended; start a new one with POST /api/v1/billing/checkout.')
  if (!subscription.cancel_at_period_end) throw new BadRequestError('This subscription is not set to cancel.')
  const updated = await stripe().subscriptions.update(subscription.stripe_subscription_id, { cancel_at_period_end: false })
  await withTransaction(req, () => upsertSubscription(req, updated))
  return mine(req, user)
}
