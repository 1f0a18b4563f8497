import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { CRM_BOOKING_COLUMNS, type CrmBookingRow } from './crmBookingRow.ts'
import { assertSeesFacilitator, type CrmCaller } from './crmCaller.ts'
import type { CrmActor, CrmSource, CrmStage } from './statuses.ts'

export type StageChangeRow = {
  from_status: CrmStage | null
  to_status: CrmStage
  actor: CrmActor
  changed_by_id: number | null
  changed_at: Date
  notes: string | null
}

/**
 * One booking by its booking id (a platform booking before an external one with the same id, unless
 * `source` says which), with its status history. A facilitator may read only their own.
 */
export async function getCrmBooking(
  payload: Payload,
  caller: CrmCaller,
  bookingId: number,
  source?: CrmSource,
): Promise<{ booking: CrmBookingRow; history: StageChangeRow[] }> {
  const pool = poolOf(payload)
  const { rows } = await pool.query<CrmBookingRow>(
    `SELECT ${CRM_BOOKING_COLUMNS} FROM crm_bookings b WHERE b.booking_id = $1 AND ($2::text IS NULL OR b.source::text = $2)
     ORDER BY b.source = 'platform' DESC LIMIT 1`,
    [bookingId, source ?? null],
  )
  const booking = rows[0]
  if (!booking) throw new NotFoundError('Booking not found')
  if (booking.facilitator_id !== null) assertSeesFacilitator(caller, booking.facilitator_id)
  else if (caller.kind === 'facilitator') throw new NotFoundError('Booking not found')
  const history = await pool.query<StageChangeRow>(
    `SELECT from_status, to_status, actor, changed_by_id, changed_at, notes FROM crm_status_changes
     WHERE crm_booking_id = $1 ORDER BY changed_at, id`,
    [booking.id],
  )
  return { booking, history: history.rows }
}
