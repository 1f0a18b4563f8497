import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import { eventTypeById } from '../../../src/domain/events/eventTypes.ts'
import type { Event, Registration, User } from '../../../src/payload-types.ts'
import { readAsSystem } from '../../../src/lib/readAsSystem.ts'
import { iso } from '../../../src/lib/dates.ts'

/** A registration as spec 004's booking, reading its event and owner unless the caller already has them. */
export async function bookingOf(req: PayloadRequest, registration: Registration, known: { event?: Event; owner?: User } = {}) {
  const event = known.event ?? (await readAsSystem(req, 'events', extractID(registration.event)))
  const owner = known.owner ?? (await readAsSystem(req, 'users', extractID(registration.user)))
  const type = event.event_type ? await eventTypeById(req.payload, extractID(event.event_type)) : undefined
  return serializeBooking(registration, owner, event, type?.key ?? null)
}

/** Spec 004's booking: the registration with its user and event summaries (statuses in lower case). */
function serializeBooking(registration: Registration, user: User, event: Event, eventTypeKey: string | null) {
  return {
    id: registration.id,
    user: { id: user.id, email: user.email ?? null, first_name: user.first_name ?? null, last_name: user.last_name ?? null },
    event: { id: event.id, title: event.name, event_type: eventTypeKey, start_datetime: iso(event.start_datetime) },
    booking_date: new Date(registration.booking_date ?? registration.createdAt).toISOString(),
    status: registration.status,
    notes: registration.notes ?? null,
    payment_status: registration.payment_status,
    ticket_code: registration.ticket_code ?? null,
    created_at: iso(registration.createdAt),
    updated_at: iso(registration.updatedAt),
  }
}
