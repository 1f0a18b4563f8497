import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import type { Registration, User } from '../../payload-types.ts'
import { ConflictError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { isFull } from '../events/capacity.ts'
import { assertNotRegistered } from './conflicts.ts'
import { insertRegistration } from './registrationRecords.ts'
import { eventOpenForRegistration } from './eventForRegistration.ts'
import { lockUser } from './lockUser.ts'
import { firstRow } from '../../lib/db/sql.ts'

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
    const { max_attendees, seats_taken } = firstRow<{ max_attendees: string; seats_taken: string }>(seats)!
    if (!isFull(Number(max_attendees), Number(seats_taken))) throw new ConflictError('This event still has seats: register for it instead.')
    const registration = await insertRegistration(req, event.id, user.id, {
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
  const eventId = extractID(registration.event)
  const ahead = await db.execute(sql`
    SELECT count(*)::int AS n FROM registrations WHERE event_id = ${eventId} AND status = 'waitlisted' AND id <= ${registration.id}`)
  return firstRow<{ n: number }>(ahead)!.n
}
