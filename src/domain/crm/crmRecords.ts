import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { CrmActor, CrmBookingStatus, CrmSource, CrmStage } from './statuses.ts'

/**
 * The only writer of `crm_bookings` and `crm_status_changes`. A booking is one row per (source,
 * booking_id), enforced by a unique index, so an upsert is the whole of "create or update": concurrent or
 * repeated deliveries of the same booking end in one row and one arrival in its history.
 */

export type CrmBookingFields = {
  source: CrmSource
  bookingId: number
  registrationId: number | null
  user: { id: number; email: string | null; name: string; phone: string | null }
  event: { id: number; title: string; type: string | null; startDatetime: Date | null; location: string | null }
  facilitatorId: number | null
  bookingDate: Date | null
  notes: string | null
  status: CrmBookingStatus
}

/** `changed`: it is new, or its snapshot differs from what the CRM had (a repeated message changes nothing). */
export type UpsertedBooking = { id: number; inserted: boolean; changed: boolean }

/** Creates the booking (stage new, with its arrival in the history) or refreshes its snapshot; returns its row id. */
export async function upsertCrmBooking(req: PayloadRequest, fields: CrmBookingFields): Promise<UpsertedBooking> {
  const db = await txDb(req)
  const { user, event } = fields
  const result = await db.execute(sql`
    INSERT INTO crm_bookings (source, booking_id, registration_id, user_id, user_email, user_name, user_phone,
      event_id, event_title, event_type, event_start_datetime, event_location, facilitator_id, booking_date, notes,
      received_at, status, crm_status, delivery_attempts, updated_at, created_at)
    VALUES (${fields.source}, ${fields.bookingId}, ${fields.registrationId}, ${user.id}, ${user.email}, ${user.name}, ${user.phone},
      ${event.id}, ${event.title}, ${event.type}, ${event.startDatetime}, ${event.location}, ${fields.facilitatorId},
      ${fields.bookingDate}, ${fields.notes}, clock_timestamp(), ${fields.status}, 'new', 0, now(), now())
    ON CONFLICT (source, booking_id) DO UPDATE SET registration_id = EXCLUDED.registration_id,
      user_id = EXCLUDED.user_id, user_email = EXCLUDED.user_email, user_name = EXCLUDED.user_name, user_phone = EXCLUDED.user_phone,
      event_id = EXCLUDED.event_id, event_title = EXCLUDED.event_title, event_type = EXCLUDED.event_type,
      event_start_datetime = EXCLUDED.event_start_datetime, event_location = EXCLUDED.event_location,
      facilitator_id = EXCLUDED.facilitator_id, booking_date = EXCLUDED.booking_date, notes = EXCLUDED.notes,
      status = EXCLUDED.status, updated_at = now()
    WHERE (crm_bookings.registration_id, crm_bookings.user_id, crm_bookings.user_email, crm_bookings.user_name, crm_bookings.user_phone,
        crm_bookings.event_id, crm_bookings.event_title, crm_bookings.event_type, crm_bookings.event_start_datetime,
        crm_bookings.event_location, crm_bookings.facilitator_id, crm_bookings.booking_date, crm_bookings.notes, crm_bookings.status)
      IS DISTINCT FROM (EXCLUDED.registration_id, EXCLUDED.user_id, EXCLUDED.user_email, EXCLUDED.user_name, EXCLUDED.user_phone,
        EXCLUDED.event_id, EXCLUDED.event_title, EXCLUDED.event_type, EXCLUDED.event_start_datetime,
        EXCLUDED.event_location, EXCLUDED.facilitator_id, EXCLUDED.booking_date, EXCLUDED.notes, EXCLUDED.status)
    RETURNING id, received_at, (xmax = 0) AS inserted`)
  const row = firstRow<{ id: number; received_at: Date; inserted: boolean }>(result)
  if (!row) return { id: await crmBookingIdOf(req, fields.source, fields.bookingId), inserted: false, changed: false }
  if (row.inserted) await insertStageChange(req, { crmBookingId: row.id, from: null, to: 'new', actor: 'system', at: row.received_at })
  return { id: row.id, inserted: row.inserted, changed: true }
}

/** The row id of a booking the upsert left as it was (ON CONFLICT ... WHERE returns no row then). */
async function crmBookingIdOf(req: PayloadRequest, source: CrmSource, bookingId: number): Promise<number> {
  const db = await txDb(req)
  const row = firstRow<{ id: number }>(
    await db.execute(sql`SELECT id FROM crm_bookings WHERE source = ${source} AND booking_id = ${bookingId}`),
  )
  if (!row) throw new Error(`crm booking ${source}/${bookingId} vanished after its upsert`)
  return row.id
}

export type StageChange = {
  crmBookingId: number
  from: CrmStage | null
  to: CrmStage
  actor: CrmActor
  byUserId?: number | null
  at?: Date
  notes?: string | null
}

/** Appends one move to the history (the table refuses updates and deletes). */
export async function insertStageChange(req: PayloadRequest, change: StageChange): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO crm_status_changes (crm_booking_id, from_status, to_status, actor, changed_by_id, changed_at, notes)
    VALUES (${change.crmBookingId}, ${change.from}, ${change.to}, ${change.actor}, ${change.byUserId ?? null},
      ${change.at ?? sql`clock_timestamp()`}, ${change.notes ?? null})`)
}

export type LockedStage = { id: number; bookingId: number; crmStatus: CrmStage; facilitatorId: number | null }

/** The booking's row, locked until req's transaction ends so stage moves on it happen one at a time. */
export async function lockCrmBooking(req: PayloadRequest, bookingId: number, source?: CrmSource): Promise<LockedStage | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT id, booking_id::int AS booking_id, crm_status, facilitator_id::int AS facilitator_id FROM crm_bookings
    WHERE booking_id = ${bookingId} ${source ? sql`AND source = ${source}` : sql``}
    ORDER BY source = 'platform' DESC LIMIT 1 FOR UPDATE`)
  const row = firstRow<{ id: number; booking_id: number; crm_status: CrmStage; facilitator_id: number | null }>(result)
  return row ? { id: row.id, bookingId: row.booking_id, crmStatus: row.crm_status, facilitatorId: row.facilitator_id } : null
}

/** Moves a locked booking to `to`; returns when it happened. */
export async function setCrmStage(req: PayloadRequest, crmBookingId: number, to: CrmStage): Promise<Date> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE crm_bookings SET crm_status = ${to}, updated_at = clock_timestamp() WHERE id = ${crmBookingId} RETURNING updated_at`)
  const row = firstRow<{ updated_at: Date }>(result)
  if (!row) throw new Error(`crm booking ${crmBookingId} vanished while locked`)
  return new Date(row.updated_at)
}

/** One delivery attempt to the external CRM: counted, with its error, or the time it got through. */
export async function recordDeliveryAttempt(
  req: PayloadRequest,
  crmBookingId: number,
  outcome: { deliveredAt: Date } | { error: string },
): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE crm_bookings SET delivery_attempts = COALESCE(delivery_attempts, 0) + 1,
      ${'error' in outcome ? sql`delivery_last_error = ${outcome.error.slice(0, 2000)}` : sql`delivery_last_error = NULL, delivery_delivered_at = ${outcome.deliveredAt}`}
    WHERE id = ${crmBookingId}`)
}
