import type { PayloadRequest } from 'payload'
import type { Event, Registration, User } from '../../payload-types.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { assertNoOverlap, assertNotRegistered } from './conflicts.ts'
import { insertRegistration } from './registrationRecords.ts'
import { assertFree, eventOpenForRegistration } from './eventForRegistration.ts'
import { sendTicketEmail } from './notifications.ts'
import { takeSeatOrFail } from '../events/eventSeats.ts'
import { lockUser } from './lockUser.ts'
import { generateTicketCode } from './ticketCode.ts'

export type RegisterInput = { notes?: string }

/**
 * A confirmed seat and ticket at a free event for the caller. One transaction: the user's row lock
 * orders their own requests (duplicates and time overlaps), the registration is inserted and the ticket
 * email queued, and the conditional UPDATE takes the seat last, so the event row (which every buyer
 * contends for) is locked only for that statement and the commit. A full event rolls all of it back.
 */
export async function registerForEvent(
  req: PayloadRequest,
  user: User,
  eventId: number,
  input: RegisterInput = {},
): Promise<{ registration: Registration; event: Event }> {
  return registerForOpenEvent(req, user, await eventOpenForRegistration(req, eventId), input)
}

/** registerForEvent for an event already read and checked with eventOpenForRegistration. */
export async function registerForOpenEvent(
  req: PayloadRequest,
  user: User,
  event: Event,
  input: RegisterInput = {},
): Promise<{ registration: Registration; event: Event }> {
  assertFree(event)
  return withTransaction(req, async () => {
    await lockUser(req, user.id)
    await assertNotRegistered(req, event.id, user.id)
    await assertNoOverlap(req, event, user.id)
    const registration = await insertRegistration(req, event.id, user.id, {
      status: 'confirmed',
      ticket_code: generateTicketCode(),
      notes: input.notes,
      payment_status: 'not_required',
      holds_seat: true,
    })
    await sendTicketEmail(req, registration, event, user)
    await takeSeatOrFail(req, event.id)
    return { registration, event: { ...event, seats_taken: (event.seats_taken ?? 0) + 1 } }
  })
}
