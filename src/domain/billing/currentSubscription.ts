import { LIVE_SUBSCRIPTION_STATUSES } from './statuses.ts'
import type { PayloadRequest } from 'payload'
import type { Plan, Subscription } from '../../payload-types.ts'
import { ConflictError } from '../../lib/errors.ts'

/** The user's subscription that matters now: the newest entitled one, else the newest of any status. */
export async function currentSubscription(
  req: PayloadRequest,
  userId: number,
): Promise<(Subscription & { plan?: Plan | number | null }) | null> {
  const { docs } = await req.payload.find({
    collection: 'subscriptions',
    where: { user: { equals: userId } },
    sort: '-createdAt',
    limit: 20,
    depth: 1,
    overrideAccess: false,
    req,
  })
  return docs.find((doc) => (LIVE_SUBSCRIPTION_STATUSES as readonly string[]).includes(doc.status)) ?? docs[0] ?? null
}

/** One paying subscription per member: a second one would bill them twice for the same tier. */
export async function assertNoLiveSubscription(req: PayloadRequest, userId: number): Promise<void> {
  const { totalDocs } = await req.payload.count({
    collection: 'subscriptions',
    where: { and: [{ user: { equals: userId } }, { status: { in: [...LIVE_SUBSCRIPTION_STATUSES] } }] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new ConflictError('You already have a subscription; manage it with /api/v1/billing/subscription.')
  }
}

export function subscriptionStatusOf(subscription: Subscription | null): string {
  return subscription?.status ?? 'none'
}
