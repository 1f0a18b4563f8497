import type { PayloadRequest, TypedUser } from 'payload'
import { extractID } from 'payload/shared'
import type { FriendSession } from '../../payload-types.ts'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { ConflictError, ForbiddenError, RequestValidationError } from '../../lib/errors.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { assertWithinAvailability, friendForBooking } from '../friends/friendForBooking.ts'
import { findSession } from './findSession.ts'
import { rescheduleSessionRow, setSessionOutcomeRow } from './sessionRecords.ts'
import { sessionPriceCents } from './sessionRules.ts'

export type Reschedule = { scheduledAt?: Date; durationMinutes?: number; notes?: string | null }

/**
 * Moves a session (or edits its notes) with the same checks as booking: in the future, inside the friend's
 * availability, not overlapping (the constraints again). Either party or staff may. A paid session keeps
 * its duration (its charge was for it); the price of a free one follows the friend's current rate.
 */
export async function rescheduleSession(
  req: PayloadRequest,
  user: TypedUser,
  id: number,
  changes: Reschedule,
  now: Date,
): Promise<FriendSession> {
  const session = await findSession(req, id)
  if (session.status !== 'upcoming') throw new ConflictError(`A ${session.status} session cannot be changed.`)
  const scheduledAt = changes.scheduledAt ?? new Date(session.scheduled_at)
  const durationMinutes = changes.durationMinutes ?? session.duration_minutes
  const moved = scheduledAt.getTime() !== new Date(session.scheduled_at).getTime() || durationMinutes !== session.duration_minutes
  const paid = session.payment_status !== 'not_required'
  if (paid && durationMinutes !== session.duration_minutes)
    throw new RequestValidationError({ duration_minutes: ['The duration of a paid session cannot change; cancel it and book again.'] })
  let priceCents = session.price_cents
  if (moved) {
    if (scheduledAt.getTime() <= now.getTime()) throw new RequestValidationError({ scheduled_at: ['Choose a time in the future.'] })
    const friend = await friendForBooking(req, extractID(session.friend))
    assertWithinAvailability(friend, scheduledAt, durationMinutes)
    if (!paid) priceCents = sessionPriceCents(friend.rate_cents, durationMinutes)
  }
  const notes = changes.notes === undefined ? (session.notes ?? null) : changes.notes
  const changed = await withTransaction(req, () => rescheduleSessionRow(req, id, { scheduledAt, durationMinutes, priceCents, notes }))
  if (!changed) throw new ConflictError('The session is no longer upcoming.')
  return readAsSystem(req, 'friend-sessions', id)
}

/** The friend (or staff) records that a started session took place (`completed`) or the user did not come (`no_show`). */
export async function recordSessionOutcome(
  req: PayloadRequest,
  user: TypedUser,
  id: number,
  status: 'completed' | 'no_show',
  now: Date,
): Promise<FriendSession> {
  const session = await findSession(req, id)
  if (extractID(session.friend) !== user.id && !isStaffMember(user))
    throw new ForbiddenError('Only the friend or staff can record how a session went.')
  if (session.status !== 'upcoming') throw new ConflictError(`The session is already ${session.status}.`)
  if (new Date(session.scheduled_at).getTime() > now.getTime())
    throw new RequestValidationError({ status: ['The session has not started yet.'] })
  const recorded = await withTransaction(req, () => setSessionOutcomeRow(req, id, status, now))
  if (!recorded) throw new ConflictError('The session is no longer upcoming.')
  return readAsSystem(req, 'friend-sessions', id)
}
