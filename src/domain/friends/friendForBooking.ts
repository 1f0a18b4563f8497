import type { PayloadRequest } from 'payload'
import { NotFoundError, RequestValidationError } from '../../lib/errors.ts'
import { availabilityProblem } from './availability.ts'
import { findFriend, type FriendView } from './friendDirectory.ts'

/** The friend a session is booked with (404 when there is no such active friend). */
export async function friendForBooking(req: PayloadRequest, friendId: number): Promise<FriendView> {
  const friend = await findFriend(req, friendId, { withAvatar: false })
  if (!friend) throw new RequestValidationError({ friend_id: ['No such friend.'] })
  return friend
}

/** 400 with the reason when the slot is outside the friend's published weekly availability. */
export function assertWithinAvailability(friend: FriendView, start: Date, durationMinutes: number): void {
  const problem = availabilityProblem(start, durationMinutes, friend.availability, friend.timezone)
  if (problem) throw new RequestValidationError({ scheduled_at: [problem] })
}

/** A friend's public view, 404 for anyone who is not an active friend. */
export async function getFriend(req: PayloadRequest, friendId: number): Promise<FriendView> {
  const friend = await findFriend(req, friendId)
  if (!friend) throw new NotFoundError('Friend not found.')
  return friend
}
