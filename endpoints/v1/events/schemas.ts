import { z } from 'zod'
import { PagePaginationOut, pageSizeParam } from '../../../src/lib/validation/pageQuery.ts'
import { EVENT_STATUSES } from '../../../src/domain/events/statuses.ts'
import { isValidTimezone, urlProblem } from '../../../src/lib/validation/identity.ts'
import { isCurrency } from '../../../src/lib/validation/money.ts'
import { ATTENDEE_FILTERS } from '../../../src/domain/registrations/statuses.ts'

const instant = z.coerce.date({ error: 'Enter an ISO 8601 date or date-time.' })
const url = z
  .string()
  .trim()
  .max(500)
  .refine((value) => !urlProblem(value), 'Enter a valid URL.')

export const EventIdParams = z.object({ id: z.coerce.number().int().positive() })

/**
 * Every spec's list parameters: 000 (page, limit, city, country, event_type, start_*), 001 (category,
 * date_after, location), 004 (per_page, type, facilitator_id, status, search).
 */
export const ListEventsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    limit: pageSizeParam.optional(),
    per_page: pageSizeParam.optional(),
    page_size: pageSizeParam.optional(),
    city: z.string().trim().max(120).optional(),
    country: z.string().trim().max(120).optional(),
    event_type: z.string().trim().max(40).optional(),
    type: z.string().trim().max(40).optional(),
    category: z.string().trim().max(40).optional(),
    facilitator_id: z.coerce.number().int().positive().optional(),
    status: z.enum([...EVENT_STATUSES, 'all']).default('active'),
    search: z.string().trim().max(200).optional(),
    start_after: instant.optional(),
    date_after: instant.optional(),
    start_before: instant.optional(),
    date_before: instant.optional(),
    location: z.string().trim().max(200).optional(),
  })
  .transform((query) => ({
    page: query.page,
    limit: query.limit ?? query.per_page ?? query.page_size ?? 20,
    city: query.city,
    country: query.country,
    type: query.event_type ?? query.type ?? query.category,
    facilitatorId: query.facilitator_id,
    status: query.status,
    search: query.search,
    startAfter: query.start_after ?? query.date_after,
    startBefore: query.start_before ?? query.date_before,
    location: query.location,
  }))

/** POST events: 000's fields, with 004/001 aliases (title, type, max_participants, capacity, price). */
export const CreateEventBody = z
  .object({
    name: z.string().trim().min(1).max(255).optional(),
    title: z.string().trim().min(1).max(255).optional(),
    description: z.string().max(20_000).optional(),
    event_type: z.string().trim().optional(),
    type: z.string().trim().optional(),
    category: z.string().trim().optional(),
    facilitator_id: z.number().int().positive().optional(),
    start_datetime: instant,
    end_datetime: instant,
    timezone: z.string().refine(isValidTimezone, 'Enter an IANA time zone, e.g. Europe/Paris.').optional(),
    location_name: z.string().trim().max(255).optional(),
    location_city: z.string().trim().max(120).optional(),
    location_country: z.string().trim().max(120).optional(),
    location: z.string().trim().max(500).optional(),
    virtual_link: url.optional(),
    max_attendees: z.number().int().min(0).optional(),
    max_participants: z.number().int().min(0).optional(),
    capacity: z.number().int().min(0).optional(),
    price_cents: z.number().int().min(0).optional(),
    price: z.number().min(0).optional(),
    currency: z.string().trim().toUpperCase().refine(isCurrency, 'Enter an ISO 4217 currency code such as USD.').default('USD'),
    requirements: z.string().max(2000).optional(),
    image_url: url.optional(),
    is_published: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.name && !body.title) ctx.addIssue({ code: 'custom', path: ['name'], message: 'This field is required.' })
    if (!body.event_type && !body.type && !body.category)
      ctx.addIssue({ code: 'custom', path: ['event_type'], message: 'This field is required.' })
    if (body.end_datetime <= body.start_datetime)
      ctx.addIssue({ code: 'custom', path: ['end_datetime'], message: 'The event must end after it starts.' })
    if (body.start_datetime <= new Date())
      ctx.addIssue({ code: 'custom', path: ['start_datetime'], message: 'The event must start in the future.' })
  })

export const RegisterBody = z.object({ notes: z.string().trim().max(2000).optional() })
export const CheckInBody = z.object({ ticket_code: z.string().trim().min(1).max(40) })
export const ClaimBody = z.object({ token: z.string().min(1).max(200) })
export const AttendeesQuery = z.object({
  status: z.enum(ATTENDEE_FILTERS).default('active'),
})

const FacilitatorSummary = z.object({ id: z.number(), name: z.string(), bio: z.string().nullable() }).nullable()

export const EventOut = z.object({
  id: z.number(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  event_type: z.string().nullable(),
  facilitator: FacilitatorSummary,
  location_name: z.string().nullable(),
  location_city: z.string().nullable(),
  location_country: z.string().nullable(),
  location: z.string().nullable(),
  virtual_link: z.string().nullable(),
  timezone: z.string(),
  start_datetime: z.string(),
  end_datetime: z.string(),
  date: z.string(),
  max_attendees: z.number(),
  max_participants: z.number(),
  capacity: z.number().nullable(),
  registration_count: z.number(),
  current_participants: z.number(),
  registered_count: z.number(),
  spots_remaining: z.number().nullable(),
  available_spots: z.number().nullable(),
  is_full: z.boolean(),
  price_cents: z.number(),
  price: z.number(),
  currency: z.string(),
  requirements: z.string().nullable(),
  image_url: z.string().nullable(),
  is_published: z.boolean(),
  status: z.string(),
  created_at: z.string(),
})

export const EventListOut = z.object({
  events: z.array(EventOut),
  total: z.number(),
  page: z.number(),
  pages: z.number(),
  pagination: PagePaginationOut,
})

export const EventDetailOut = EventOut.extend({ is_registered: z.boolean(), registration_status: z.string().nullable(), event: EventOut })

export const RegistrationOut = z.object({
  id: z.number(),
  event_id: z.number(),
  user_id: z.number(),
  status: z.string(),
  ticket_code: z.string().nullable(),
  registered_at: z.string(),
  booking_date: z.string(),
  notes: z.string().nullable(),
  payment_status: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  checked_in_at: z.string().nullable(),
  cancelled_at: z.string().nullable(),
})

export const EventTypesOut = z.object({ event_types: z.array(z.object({ key: z.string(), value: z.number(), label: z.string() })) })
export const WaitlistOut = z.object({ detail: z.string(), position: z.number(), registration: RegistrationOut })
export const StatusOut = z.object({
  event_id: z.number(),
  is_registered: z.boolean(),
  status: z.string().nullable(),
  waitlist_position: z.number().nullable(),
  registration: RegistrationOut.nullable(),
})
