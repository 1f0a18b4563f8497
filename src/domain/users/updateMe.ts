import type { PayloadRequest } from 'payload'
import type { Profile, User } from '../../payload-types.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { assertIdentifiersFree } from '../auth/assertIdentifiersFree.ts'
import { startEmailVerification } from '../auth/emailVerification.ts'
import { PROFILE_SELECT, profileOf } from './profileOf.ts'

export const PROFILE_FIELDS = [
  'bio',
  'location',
  'profile_image_url',
  'linkedin_url',
  'github_url',
  'website',
  'company',
  'interests',
  'skills',
] as const
export type ProfileChanges = Partial<Pick<Profile, (typeof PROFILE_FIELDS)[number]>>
export type AccountChanges = Partial<
  Pick<User, 'email' | 'phone' | 'username' | 'first_name' | 'last_name' | 'full_name' | 'timezone' | 'personality_data'>
>

/**
 * Applies the caller's own changes to their account and profile, as the caller (overrideAccess: false),
 * so the collections' rules decide; a new email address starts a new verification.
 */
export async function updateMe(
  req: PayloadRequest,
  user: User,
  account: AccountChanges,
  profile: ProfileChanges,
): Promise<{ user: User; profile: Profile | null }> {
  return withTransaction(req, async () => {
    let updated = user
    await assertIdentifiersFree(req, { email: account.email, username: account.username, phone: account.phone }, user.id)
    if (Object.keys(account).length > 0) {
      updated = await req.payload.update({ collection: 'users', id: user.id, data: account, overrideAccess: false, req, depth: 0 })
    }
    const current = await profileOf(req, user.id)
    const nextProfile =
      current && Object.keys(profile).length > 0
        ? await req.payload.update({
            collection: 'profiles',
            id: current.id,
            data: profile,
            overrideAccess: false,
            req,
            depth: 0,
            select: PROFILE_SELECT,
          })
        : current
    if (account.email && account.email !== user.email) await startEmailVerification(req, updated)
    return { user: updated, profile: nextProfile }
  })
}
