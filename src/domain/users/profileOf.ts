import type { PayloadRequest } from 'payload'
import type { Profile } from '../../payload-types.ts'

/** The user's profile (every user has one; see hooks/users/createProfile). */
export async function profileOf(req: PayloadRequest, userId: number): Promise<Profile | null> {
  const { docs } = await req.payload.find({
    collection: 'profiles',
    where: { user: { equals: userId } },
    limit: 1,
    depth: 0,
    pagination: false,
    // overrideAccess: the callers of this helper have already established the right to see this user.
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}
