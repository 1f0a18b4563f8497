import type { Event, Registration, User } from '../../../src/payload-types.ts'

/** Spec 004's booking: the registration with its user and event summaries (statuses in lower case). */
export function serializeBooking(registration: Registration, user: User, event: Event, eventTypeKey: string | null) {
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
