import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'

/** What the CRM records of a registration (spec 004's booking notification), read in one statement. */
export type BookingForCrm = {
  registrationId: number
  /** A seat was booked (attending now, or cancelled after having a ticket or a payment): not a mere waitlist place. */
  isBooking: boolean
  cancelled: boolean
  notes: string | null
  bookingDate: Date
  user: { id: number; email: string | null; name: string; phone: string | null }
  event: { id: number; title: string; type: string | null; startDatetime: Date; location: string | null }
  facilitatorId: number | null
}

type Row = {
  id: number
  status: string
  ticket_code: string | null
  payment_id: number | null
  notes: string | null
  booking_date: Date
  user_id: number
  email: string | null
  name: string
  phone: string | null
  event_id: number
  title: string
  type: string | null
  start_datetime: Date
  location: string | null
  facilitator_id: number | null
}

/**
 * The registration as the CRM records it, or null if it is gone. FOR SHARE holds off any change to it until
 * req's transaction ends, so what the CRM writes from this read cannot be overtaken by an older read.
 */
export async function bookingForCrm(req: PayloadRequest, registrationId: number): Promise<BookingForCrm | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT r.id, r.status, r.ticket_code, r.payment_id, r.notes, r.booking_date,
      u.id AS user_id, u.email, COALESCE(NULLIF(u.full_name, ''), TRIM(CONCAT_WS(' ', u.first_name, u.last_name))) AS name, u.phone,
      e.id AS event_id, e.name AS title, t.key AS type, e.start_datetime,
      COALESCE(NULLIF(e.location, ''), NULLIF(CONCAT_WS(', ', e.location_name, e.location_city, e.location_country), '')) AS location,
      e.facilitator_id
    FROM registrations r JOIN users u ON u.id = r.user_id JOIN events e ON e.id = r.event_id
      LEFT JOIN event_types t ON t.id = e.event_type_id
    WHERE r.id = ${registrationId}
    FOR SHARE OF r`)
  const row = firstRow<Row>(result)
  if (!row) return null
  const cancelled = row.status === 'cancelled'
  return {
    registrationId: row.id,
    isBooking: row.status !== 'waitlisted' && (!cancelled || row.ticket_code !== null || row.payment_id !== null),
    cancelled,
    notes: row.notes,
    bookingDate: new Date(row.booking_date),
    user: { id: row.user_id, email: row.email, name: row.name, phone: row.phone },
    event: { id: row.event_id, title: row.title, type: row.type, startDatetime: new Date(row.start_datetime), location: row.location },
    facilitatorId: row.facilitator_id,
  }
}
