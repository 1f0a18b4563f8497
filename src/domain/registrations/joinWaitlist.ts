import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Registration, User } from '../../payload-types.ts'
import { ConflictError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { isFull } from '../events/capacity.ts'
import { assertNotRegistered } from './conflicts.ts'
import { createRegistration } from './createRegistration.ts'
import { eventOpenForRegistration } from './eventForRegistration.ts'
import { lockUser } from './seats.ts'

/** A place on a full event's waitlist (first come, first offered). */
export async function joinWaitlist(
  req: PayloadRequest,
  user: User,
  eventId: number,
): Promise<{ registration: Registration; position: number }> {
  const event = await eventOpenForRegistration(req, eventId)
  return withTransaction(req, async () => {
    await lockUser(req, user.id)
    await assertNotRegistered(req, event.id, user.id)
    const db = await txDb(req)
    const seats = await db.execute(sql`SELECT max_attendees, seats_taken FROM events WHERE id = ${event.id}`)
    const { max_attendees, seats_taken } = seats.rows[0] as { max_attendees: string; seats_taken: string }
    if (!isFull(Number(max_attendees), Number(seats_taken))) throw new ConflictError('This event still has seats: register for it instead.')
    const registration = await createRegistration(req, event.id, user.id, {
      status: 'waitlisted',
      payment_status: 'not_required',
      holds_seat: false,
    })
    return { registration, position: await waitlistPosition(req, registration) }
  })
}

/** 1-based place in the event's queue (offered places count: they are ahead until claimed or expired). */
export async function waitlistPosition(req: PayloadRequest, registration: Registration): Promise<number> {
  const db = await txDb(req)
  const eventId = typeof registration.event === 'object' ? registration.event.id : registration.event
  const ahead = await db.execute(sql`
    SELECT count(*)::int AS n FROM registrations WHERE event_id = ${eventId} AND status = 'waitlisted' AND id <= ${registration.id}`)
  return (ahead.rows[0] as { n: number }).n
}
