import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow, sqlList } from '../../lib/db/sql.ts'
import { ACTIVE_REGISTRATION_STATUSES, ATTENDING_STATUSES } from './statuses.ts'
import type { Event } from '../../payload-types.ts'
import { ConflictError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'

/** `(...)` list of the active statuses, for `status IN ${ACTIVE_STATUSES}`. */
export const ACTIVE_STATUSES = sqlList(ACTIVE_REGISTRATION_STATUSES)

/** 409 when the user already holds an active registration (or waitlist place) for this event. */
export async function assertNotRegistered(req: PayloadRequest, eventId: number, userId: number): Promise<void> {
  const db = await txDb(req)
  const found = await db.execute(sql`
    SELECT status FROM registrations WHERE event_id = ${eventId} AND user_id = ${userId} AND status IN ${ACTIVE_STATUSES} LIMIT 1`)
  const row = firstRow<{ status: string }>(found)
  if (!row) return
  throw new ConflictError(
    row.status === 'waitlisted' ? 'You are already on the waitlist for this event.' : 'You are already registered for this event.',
  )
}

/** Spec 004's conflict prevention: 409 when another booking of the user overlaps this event in time. */
export async function assertNoOverlap(req: PayloadRequest, event: Event, userId: number): Promise<void> {
  const db = await txDb(req)
  const found = await db.execute(sql`
    SELECT e.name FROM registrations r JOIN events e ON e.id = r.event_id
    WHERE r.user_id = ${userId} AND r.status IN ${sqlList(ATTENDING_STATUSES)} AND e.id <> ${event.id}
      AND e.status <> 'cancelled' AND e.start_datetime < ${event.end_datetime} AND e.end_datetime > ${event.start_datetime}
    LIMIT 1`)
  const clash = firstRow<{ name: string }>(found)
  if (clash) throw new ConflictError(`This event overlaps another booking of yours: "${clash.name}".`)
}
