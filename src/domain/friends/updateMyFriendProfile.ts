import type { PayloadRequest, TypedUser } from 'payload'
import { hasRole } from '../../access/hasRole.ts'
import { ForbiddenError, NotFoundError, RequestValidationError } from '../../lib/errors.ts'
import { minorAmount } from '../../lib/money.ts'
import type { AvailabilityWindow } from './availability.ts'
import { findFriend, type FriendView } from './friendDirectory.ts'
import { saveFriendProfile } from './friendRecords.ts'

export type FriendProfileInput = {
  bio?: string | null
  /** Per hour, as a decimal string in the currency ("29.99"). */
  rate?: string
  currency?: string
  timezone?: string
  availability?: AvailabilityWindow[]
}

/** The caller's own friend profile; only friends (the facilitator role) have one. */
export async function myFriendProfile(req: PayloadRequest, user: TypedUser, { withAvatar = true } = {}): Promise<FriendView> {
  assertFriend(user)
  const friend = await findFriend(req, user.id, { withAvatar })
  if (!friend) throw new NotFoundError('Friend not found.')
  return friend
}

/** A friend publishes their bio, rate, currency, timezone and weekly availability. */
export async function updateMyFriendProfile(req: PayloadRequest, user: TypedUser, input: FriendProfileInput): Promise<FriendView> {
  const current = await myFriendProfile(req, user, { withAvatar: false })
  const { rate, ...changes } = input
  const currency = input.currency ?? current.currency
  // Rates are kept in minor units of their currency, so a new currency needs its rate too.
  if (currency !== current.currency && rate === undefined && current.rate_cents > 0)
    throw new RequestValidationError({ rate: [`Give the rate in ${currency} too.`] })
  const rateCents = rate === undefined ? undefined : minorAmount(rate, currency)
  if (rateCents === null) throw new RequestValidationError({ rate: [`Enter an amount in ${currency}, e.g. "29.99".`] })
  await saveFriendProfile(req, user.id, { ...changes, ...(rateCents !== undefined ? { rate_cents: rateCents } : {}) })
  return myFriendProfile(req, user)
}

function assertFriend(user: TypedUser): void {
  if (!hasRole(user, 'facilitator')) throw new ForbiddenError('Only friends have a friend profile.')
}
