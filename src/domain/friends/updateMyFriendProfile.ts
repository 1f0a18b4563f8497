import type { PayloadRequest, TypedUser } from 'payload'
import { hasRole } from '../../access/hasRole.ts'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { findFriend, type FriendView } from './friendDirectory.ts'
import { saveFriendProfile, type FriendProfileChanges } from './friendRecords.ts'

/** The caller's own friend profile; only friends (the facilitator role) have one. */
export async function myFriendProfile(req: PayloadRequest, user: TypedUser): Promise<FriendView> {
  assertFriend(user)
  const friend = await findFriend(req, user.id)
  if (!friend) throw new NotFoundError('Friend not found.')
  return friend
}

/** A friend publishes their bio, rate, currency, timezone and weekly availability. */
export async function updateMyFriendProfile(req: PayloadRequest, user: TypedUser, changes: FriendProfileChanges): Promise<FriendView> {
  assertFriend(user)
  await saveFriendProfile(req, user.id, changes)
  return myFriendProfile(req, user)
}

function assertFriend(user: TypedUser): void {
  if (!hasRole(user, 'facilitator')) throw new ForbiddenError('Only friends have a friend profile.')
}
