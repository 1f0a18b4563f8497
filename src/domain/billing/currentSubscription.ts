import type { PayloadRequest } from 'payload'
import type { Plan, Subscription } from '../../payload-types.ts'

/** The user's subscription that matters now: the newest entitled one, else the newest of any status. */
export async function currentSubscription(req: PayloadRequest, userId: number): Promise<(Subscription & { plan?: Plan | number | null }) | null> {
  const { docs } = await req.payload.find({
    collection: 'subscriptions',
    where: { user: { equals: userId } },
    sort: '-createdAt',
    limit: 20,
    depth: 1,
    overrideAccess: false,
    req,
  })
  return docs.find((doc) => doc.status === 'active' || doc.status === 'trialing' || doc.status === 'past_due') ?? docs[0] ?? null
}

export function subscriptionStatusOf(subscription: Subscription | null): string {
  return subscription?.status ?? 'none'
}
