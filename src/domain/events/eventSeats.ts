import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { ConflictError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'

/**
 * The only writer of events.seats_taken (the registrations area calls these in its transactions).
 * Takes one seat if one is free: the check and the increment are one statement, so two requests can
 * never both take the last seat; the events_seats_within_capacity CHECK backs it in the database.
 */
export async function takeSeat(req: PayloadRequest, eventId: number): Promise<boolean> {
  const db = await txDb(req)
  const taken = await db.execute(sql`
    UPDATE events SET seats_taken = seats_taken + 1
    WHERE id = ${eventId} AND (max_attendees = 0 OR seats_taken < max_attendees)
    RETURNING id`)
  return taken.rows.length > 0
}

/** takeSeat, or 409 pointing at the waitlist when the event is full (rolling back the caller's transaction). */
export async function takeSeatOrFail(req: PayloadRequest, eventId: number): Promise<void> {
  if (!(await takeSeat(req, eventId)))
    throw new ConflictError(`This event is full. Join its waitlist with POST /api/v1/events/${eventId}/waitlist.`)
}

export async function releaseSeat(req: PayloadRequest, eventId: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE events SET seats_taken = seats_taken - 1 WHERE id = ${eventId}`)
}
