import { crmEvent, crmUser, type CrmBookingRow } from '../../../src/domain/crm/crmBookingRow.ts'
import type { StageChangeRow } from '../../../src/domain/crm/getCrmBooking.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

/** Spec 004's CRM booking, with the pipeline's owner and notes and the event's start and location besides. */
export function serializeCrmBooking(row: CrmBookingRow) {
  return {
    id: row.id,
    booking_id: row.booking_id,
    source: row.source,
    user: crmUser(row),
    event: crmEvent(row),
    facilitator_id: row.facilitator_id,
    booking_date: isoOrNull(row.booking_date),
    notes: row.notes,
    received_at: iso(row.received_at),
    status: row.status,
    crm_status: row.crm_status,
    crm_notes: row.crm_notes,
    assigned_to: row.assigned_to_id,
  }
}

export function serializeStageChange(change: StageChangeRow) {
  return {
    from_status: change.from_status,
    to_status: change.to_status,
    by: { actor: change.actor, user_id: change.changed_by_id },
    at: iso(change.changed_at),
    notes: change.notes,
  }
}
