import type { Event } from '../../payload-types.ts'

/** What event listings and serializers read: an event without its rich-text body. */
export type EventRecord = Pick<
  Event,
  | 'id'
  | 'name'
  | 'description_text'
  | 'event_type'
  | 'facilitator'
  | 'start_datetime'
  | 'end_datetime'
  | 'timezone'
  | 'location_name'
  | 'location_city'
  | 'location_country'
  | 'location'
  | 'virtual_link'
  | 'max_attendees'
  | 'seats_taken'
  | 'price_cents'
  | 'currency'
  | 'requirements'
  | 'image_url'
  | 'is_published'
  | 'status'
  | 'createdAt'
>

/** The columns behind EventRecord, for hand-written queries on hot paths. */
export const EVENT_RECORD_COLUMNS = `id, name, description_text, event_type_id, facilitator_id, start_datetime, end_datetime, timezone,
  location_name, location_city, location_country, location, virtual_link, max_attendees, seats_taken, price_cents, currency,
  requirements, image_url, is_published, status, created_at`

export type EventRow = Record<string, unknown> & { id: number }

/** A row of EVENT_RECORD_COLUMNS as an EventRecord (numeric columns arrive as strings). */
export function toEventRecord(row: EventRow): EventRecord {
  return {
    id: row.id,
    name: String(row.name),
    description_text: (row.description_text as string | null) ?? null,
    event_type: Number(row.event_type_id),
    facilitator: row.facilitator_id === null ? null : Number(row.facilitator_id),
    start_datetime: new Date(row.start_datetime as string).toISOString(),
    end_datetime: new Date(row.end_datetime as string).toISOString(),
    timezone: (row.timezone as string | null) ?? 'UTC',
    location_name: (row.location_name as string | null) ?? null,
    location_city: (row.location_city as string | null) ?? null,
    location_country: (row.location_country as string | null) ?? null,
    location: (row.location as string | null) ?? null,
    virtual_link: (row.virtual_link as string | null) ?? null,
    max_attendees: Number(row.max_attendees),
    seats_taken: Number(row.seats_taken),
    price_cents: Number(row.price_cents),
    currency: String(row.currency),
    requirements: (row.requirements as string | null) ?? null,
    image_url: (row.image_url as string | null) ?? null,
    is_published: Boolean(row.is_published),
    status: row.status as Event['status'],
    createdAt: new Date(row.created_at as string).toISOString(),
  }
}
