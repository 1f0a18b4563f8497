import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import { eventTypeById } from '../../../src/domain/events/eventTypes.ts'
import type { Event, Registration, User } from '../../../src/payload-types.ts'

/** A registration as spec 004's booking, reading its event and owner unless the caller already has them. */
export async function bookingOf(req: PayloadRequest, registration: Registration, known: { event?: Event; owner?: User } = {}) {
  const event =
    known.event ??
    (await req.payload.findByID({ collection: 'events', id: extractID(registration.event), depth: 0, overrideAccess: true, req }))
  const owner =
    known.owner ??
    (await req.payload.findByID({ collection: 'users', id: extractID(registration.user), depth: 0, overrideAccess: true, req }))
  const type = event.event_type ? await eventTypeById(req.payload, extractID(event.event_type)) : undefined
  return serializeBooking(registration, owner, event, type?.key ?? null)
}

/** Spec 004's booking: the registration with its user and event summaries (statuses in lower case). */
function serializeBooking(registration: Registration, user: User, event: Event, eventTypeKey: string | null) {
  return {
    id: registration.id,
    user: { id: user.id, email: user.email ?? null, first_name: user.first_name ?? null, last_name: user.last_name ?? null },
    event: { id: event.id, title: event.name, event_type: eventTypeKey, start_datetime: new Date(event.start_datetime).toISOString() },
    booking_date: new Date(registration.booking_date ?? registration.createdAt).toISOString(),
    status: registration.status,
    notes: registration.notes ?? null,
    payment_status: registration.payment_status,
    ticket_code: registration.ticket_code ?? null,
    created_at: new Date(registration.createdAt).toISOString(),
    updated_at: new Date(registration.updatedAt).toISOString(),
  }
}
