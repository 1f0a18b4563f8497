import type { PayloadRequest } from 'payload'
import { isFull, spotsRemaining } from '../../../src/domain/events/capacity.ts'
import { eventTypes } from '../../../src/domain/events/eventTypes.ts'
import type { EventRecord } from '../../../src/domain/events/eventRecord.ts'
import { facilitatorsByIds, type FacilitatorSummary } from '../../../src/domain/facilitators/facilitatorsByIds.ts'
import type { EventType, Registration } from '../../../src/payload-types.ts'
import { minorUnits } from '../../../src/lib/validation/money.ts'
import { extractID } from 'payload/shared'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

const idOf = (value: number | { id: number } | null | undefined) => (value ? extractID(value) : null)

/**
 * An event with every spec's keys: 000 (name, registration_count, spots_remaining), 004 (title,
 * current_participants, available_spots, is_full, price, facilitator), 001 (date, capacity, registered_count).
 */
export function serializeEvent(event: EventRecord, type: EventType | undefined, facilitator: FacilitatorSummary | undefined) {
  const max = Number(event.max_attendees ?? 0)
  const taken = Number(event.seats_taken ?? 0)
  const remaining = spotsRemaining(max, taken)
  const priceCents = Number(event.price_cents ?? 0)
  return {
    id: event.id,
    name: event.name,
    title: event.name,
    description: event.description_text ?? '',
    event_type: type?.key ?? null,
    facilitator: facilitator ? { id: facilitator.id, name: facilitator.name, bio: facilitator.bio ?? null } : null,
    location_name: event.location_name ?? null,
    location_city: event.location_city ?? null,
    location_country: event.location_country ?? null,
    location: event.location ?? event.location_name ?? null,
    virtual_link: event.virtual_link ?? null,
    timezone: event.timezone ?? 'UTC',
    start_datetime: iso(event.start_datetime),
    end_datetime: iso(event.end_datetime),
    date: iso(event.start_datetime),
    max_attendees: max,
    max_participants: max,
    capacity: max === 0 ? null : max,
    registration_count: taken,
    current_participants: taken,
    registered_count: taken,
    spots_remaining: remaining,
    available_spots: remaining,
    is_full: isFull(max, taken),
    price_cents: priceCents,
    price: priceCents / minorUnits(event.currency),
    currency: event.currency,
    requirements: event.requirements ?? null,
    image_url: event.image_url ?? null,
    is_published: Boolean(event.is_published),
    status: event.status,
    created_at: iso(event.createdAt),
  }
}

export type EventView = ReturnType<typeof serializeEvent>

/** Serialises events with their types and facilitators, loaded in one query each. */
export async function serializeEvents(req: PayloadRequest, events: EventRecord[]): Promise<EventView[]> {
  const [types, facilitators] = await Promise.all([
    eventTypes(req.payload),
    facilitatorsByIds(
      req.payload,
      events.map((event) => idOf(event.facilitator)),
    ),
  ])
  return events.map((event) =>
    serializeEvent(
      event,
      types.find((type) => type.id === idOf(event.event_type)),
      facilitators.get(idOf(event.facilitator) ?? -1),
    ),
  )
}

/** A registration with 000's keys (event_id, user_id, registered_at) and 004's (booking_date, notes, payment_status). */
export function serializeRegistration(registration: Registration) {
  return {
    id: registration.id,
    event_id: idOf(registration.event) as number,
    user_id: idOf(registration.user) as number,
    status: registration.status,
    ticket_code: registration.ticket_code ?? null,
    registered_at: iso(registration.booking_date ?? registration.createdAt),
    booking_date: iso(registration.booking_date ?? registration.createdAt),
    notes: registration.notes ?? null,
    payment_status: registration.payment_status,
    created_at: iso(registration.createdAt),
    updated_at: iso(registration.updatedAt),
    checked_in_at: isoOrNull(registration.checked_in_at),
    cancelled_at: isoOrNull(registration.cancelled_at),
  }
}
