import type { PayloadRequest } from 'payload'
import type { Profile } from '../../payload-types.ts'
import { extractID } from 'payload/shared'

/**
 * Profiles are read without their virtual full_name: no view shows it, and filling it in would load the
 * user once more for every profile.
 */
export const PROFILE_SELECT = { full_name: false } as const

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
    select: PROFILE_SELECT,
  })
  return docs[0] ?? null
}

/** The profiles of a page of users, in one query, by user id. */
export async function profilesOf(req: PayloadRequest, userIds: number[]): Promise<Map<number, Profile>> {
  if (userIds.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'profiles',
    where: { user: { in: userIds } },
    limit: userIds.length,
    depth: 0,
    pagination: false,
    // overrideAccess: as for profileOf, the caller may already see these users.
    overrideAccess: true,
    req,
    select: PROFILE_SELECT,
  })
  return new Map(docs.map((profile) => [extractID(profile.user), profile]))
}
