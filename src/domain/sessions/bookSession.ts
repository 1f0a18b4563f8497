import type { PayloadRequest, TypedUser } from 'payload'
import type { FriendSession } from '../../payload-types.ts'
import { PaymentRequiredError, RequestValidationError } from '../../lib/errors.ts'
import { decimalAmount } from '../../lib/money.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { openSessionRoom } from '../chat/openSessionRoom.ts'
import { assertWithinAvailability, friendForBooking } from '../friends/friendForBooking.ts'
import { chargeSession } from './chargeSession.ts'
import { insertSession } from './sessionRecords.ts'
import { sessionPriceCents } from './sessionRules.ts'
import type { SessionType } from './statuses.ts'

export type BookingInput = {
  friendId: number
  type: SessionType
  scheduledAt: Date
  durationMinutes: number
  notes?: string | null
  paymentMethodId?: string
}

export type BookedSession = { session: FriendSession; clientSecret: string | null }

/**
 * Books a session with a friend in one of their published slots, at their rate (never the client's price).
 * The exclusion constraints decide between concurrent bookings of overlapping slots: one wins, the others
 * get 409. A paid session needs a payment method (402 without one) and is charged once booked.
 */
export async function bookSession(req: PayloadRequest, user: TypedUser, input: BookingInput, now: Date): Promise<BookedSession> {
  if (input.friendId === user.id) throw new RequestValidationError({ friend_id: ['You cannot book a session with yourself.'] })
  if (input.scheduledAt.getTime() <= now.getTime()) throw new RequestValidationError({ scheduled_at: ['Choose a time in the future.'] })
  const friend = await friendForBooking(req, input.friendId)
  assertWithinAvailability(friend, input.scheduledAt, input.durationMinutes)
  const priceCents = sessionPriceCents(friend.rate_cents, input.durationMinutes)
  if (priceCents > 0 && !input.paymentMethodId)
    throw new PaymentRequiredError({
      message: 'This session must be paid: send a payment_method_id.',
      price: decimalAmount(priceCents, friend.currency),
      currency: friend.currency,
    })
  const id = await withTransaction(req, async () => {
    const sessionId = await insertSession(req, {
      userId: user.id,
      friendId: friend.id,
      type: input.type,
      scheduledAt: input.scheduledAt,
      durationMinutes: input.durationMinutes,
      priceCents,
      currency: friend.currency,
      notes: input.notes ?? null,
      paymentStatus: priceCents > 0 ? 'requires_action' : 'not_required',
    })
    // The session's own chat room (spec 001's /ws/sessions/{id}/chat/), for its two people only.
    await openSessionRoom(req, { sessionId, participantIds: [user.id, friend.id] })
    return sessionId
  })
  const clientSecret =
    priceCents > 0 && input.paymentMethodId
      ? await chargeSession(req, { id, priceCents, currency: friend.currency, userId: user.id }, input.paymentMethodId)
      : null
  return { session: await readAsSystem(req, 'friend-sessions', id), clientSecret }
}
