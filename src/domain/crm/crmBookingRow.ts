import { isoOrNull } from '../../lib/dates.ts'
import type { CrmBookingStatus, CrmSource, CrmStage } from './statuses.ts'

/** A crm_bookings row as the CRM's reads select it (CRM_BOOKING_COLUMNS). */
export type CrmBookingRow = {
  id: number
  source: CrmSource
  booking_id: number
  user_id: number | null
  user_email: string | null
  user_name: string | null
  user_phone: string | null
  event_id: number | null
  event_title: string | null
  event_type: string | null
  event_start_datetime: Date | null
  event_location: string | null
  facilitator_id: number | null
  booking_date: Date | null
  notes: string | null
  received_at: Date
  status: CrmBookingStatus
  crm_status: CrmStage
  crm_notes: string | null
  assigned_to_id: number | null
  updated_at: Date
  delivery_attempts: number | null
  delivery_last_error: string | null
  delivery_delivered_at: Date | null
}

// Payload stores number fields as numeric, which pg returns as strings: the ids are cast back to integers here.
export const CRM_BOOKING_COLUMNS = `b.id, b.source, b.booking_id::int AS booking_id, b.user_id::int AS user_id, b.user_email, b.user_name,
  b.user_phone, b.event_id::int AS event_id, b.event_title, b.event_type, b.event_start_datetime, b.event_location,
  b.facilitator_id::int AS facilitator_id, b.booking_date, b.notes, b.received_at, b.status, b.crm_status, b.crm_notes, b.assigned_to_id,
  b.updated_at, b.delivery_attempts::int AS delivery_attempts, b.delivery_last_error, b.delivery_delivered_at`

/** Spec 004's `user` of a booking. */
export const crmUser = (row: CrmBookingRow) => ({ id: row.user_id, email: row.user_email, name: row.user_name, phone: row.user_phone })

/** Spec 004's `event` of a booking. */
export const crmEvent = (row: CrmBookingRow) => ({
  id: row.event_id,
  title: row.event_title,
  type: row.event_type,
  start_datetime: isoOrNull(row.event_start_datetime),
  location: row.event_location,
})

/** Spec 004's notification body (POST /api/notify), as the external CRM receives it; `status` says whether it was cancelled. */
export function notificationBody(row: CrmBookingRow) {
  return {
    booking_id: row.booking_id,
    user: crmUser(row),
    event: crmEvent(row),
    facilitator_id: row.facilitator_id,
    booking_date: isoOrNull(row.booking_date),
    notes: row.notes,
    status: row.status,
  }
}
