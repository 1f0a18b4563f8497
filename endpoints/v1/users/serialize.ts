import type { PayloadRequest } from 'payload'
import { currentSubscription, subscriptionStatusOf } from '../../../src/domain/billing/currentSubscription.ts'
import { profileOf } from '../../../src/domain/users/profileOf.ts'
import type { Profile, User } from '../../../src/payload-types.ts'
import { serializeAccount } from '../auth/serialize.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

export function serializeProfile(profile: Profile | null) {
  return {
    bio: profile?.bio ?? null,
    location: profile?.location ?? null,
    profile_image_url: profile?.profile_image_url ?? null,
    linkedin_url: profile?.linkedin_url ?? null,
    github_url: profile?.github_url ?? null,
    website: profile?.website ?? null,
    company: profile?.company ?? null,
    interests: profile?.interests ?? [],
    skills: profile?.skills ?? [],
  }
}

/** The caller's own view: every account field, the profile flattened in (000's PATCH shape) and nested. */
export function serializeOwnUser(user: User, profile: Profile | null) {
  const profileView = serializeProfile(profile)
  return {
    ...serializeAccount(user),
    ...profileView,
    timezone: user.timezone ?? 'UTC',
    personality_data: user.personality_data ?? null,
    last_login_at: isoOrNull(user.last_login_at),
    profile: profileView,
  }
}

/** The caller's view plus spec 001's subscription_status (none, active, past_due, canceled...). */
export async function serializeMe(req: PayloadRequest, user: User) {
  const [profile, subscription] = await Promise.all([profileOf(req, user.id), currentSubscription(req, user.id)])
  return { ...serializeOwnUser(user, profile), subscription_status: subscriptionStatusOf(subscription) }
}

/** What any member may see of another member: no email, phone, roles or account state. */
export function serializePublicUser(user: User, profile: Profile | null) {
  return {
    id: user.id,
    username: user.username ?? null,
    first_name: user.first_name ?? null,
    last_name: user.last_name ?? null,
    full_name: user.full_name ?? null,
    created_at: iso(user.createdAt),
    profile: serializeProfile(profile),
  }
}

/** HumanLink wraps single resources as {success, data}; the flat keys stay for the other specs' clients. */
export function withEnvelope<T extends object>(view: T, message?: string) {
  return { ...view, success: true as const, data: view, ...(message ? { message } : {}) }
}
