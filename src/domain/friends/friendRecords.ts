import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { FriendProfile } from '../../payload-types.ts'
import { txDb } from '../../lib/transaction.ts'
import type { AvailabilityWindow } from './availability.ts'

/** The only writer of friend_profiles. */

export type FriendProfileChanges = {
  bio?: string | null
  rate_cents?: number
  currency?: string
  timezone?: string
  availability?: AvailabilityWindow[]
}

/** Creates the friend's profile on first use (concurrent first writes meet in ON CONFLICT), then applies the changes. */
export async function saveFriendProfile(req: PayloadRequest, userId: number, changes: FriendProfileChanges): Promise<FriendProfile> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO friend_profiles (user_id, rate_cents, currency, timezone, availability, rating_count)
    VALUES (${userId}, 0, 'USD', 'UTC', '[]'::jsonb, 0) ON CONFLICT (user_id) DO NOTHING`)
  const { docs } = await req.payload.update({
    collection: 'friend-profiles',
    where: { user: { equals: userId } },
    data: changes,
    depth: 0,
    // overrideAccess: nobody writes friend profiles through Payload's APIs; the caller is the friend (checked by the use case).
    overrideAccess: true,
    req,
  })
  return docs[0]
}

/** Adds one rating to the friend's average in a single statement, so concurrent feedback never loses a count. */
export async function addFriendRating(req: PayloadRequest, friendId: number, rating: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO friend_profiles (user_id, rate_cents, currency, timezone, availability, rating_average, rating_count)
    VALUES (${friendId}, 0, 'USD', 'UTC', '[]'::jsonb, ${rating}, 1)
    ON CONFLICT (user_id) DO UPDATE SET
      rating_average = (COALESCE(friend_profiles.rating_average, 0) * friend_profiles.rating_count + ${rating}) / (friend_profiles.rating_count + 1),
      rating_count = friend_profiles.rating_count + 1,
      updated_at = now()`)
}

/** A friend's first profile, left alone when one exists (demo seed: every start runs it). */
export async function createFriendProfileIfMissing(
  req: PayloadRequest,
  userId: number,
  profile: Required<Omit<FriendProfileChanges, 'bio'>> & { bio: string },
): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO friend_profiles (user_id, bio, rate_cents, currency, timezone, availability, rating_count)
    VALUES (${userId}, ${profile.bio}, ${profile.rate_cents}, ${profile.currency}, ${profile.timezone}, ${JSON.stringify(profile.availability)}::jsonb, 0)
    ON CONFLICT (user_id) DO NOTHING`)
}
