import { z } from 'zod'
import { CRM_BOOKING_STATUSES, CRM_PIPELINE, CRM_SOURCES } from '../../../src/domain/crm/statuses.ts'
import { PagePaginationOut, pageSizeParam } from '../../../src/lib/validation/pageQuery.ts'

const id = z.coerce.number().int().positive()
const lower = <T extends readonly [string, ...string[]]>(values: T) => z.string().trim().toLowerCase().pipe(z.enum(values))

export const BookingIdParams = z.object({ booking_id: id })
export const FacilitatorIdParams = z.object({ id })
export const SourceQuery = z.object({ source: z.enum(CRM_SOURCES).optional() })

const pagination = { page: z.coerce.number().int().min(1).default(1), per_page: pageSizeParam.default(10) }

/** GET bookings (spec 004): every filter optional; statuses in either case. */
export const CrmBookingsQuery = z.object({
  ...pagination,
  facilitator_id: id.optional(),
  event_id: id.optional(),
  user_id: id.optional(),
  status: lower(CRM_BOOKING_STATUSES).optional(),
  crm_status: lower(CRM_PIPELINE).optional(),
})

/** GET facilitators/{id}/bookings (spec 004). */
export const FacilitatorBookingsQuery = z.object({
  ...pagination,
  status: lower(CRM_BOOKING_STATUSES).optional(),
  event_type: z.string().trim().toLowerCase().min(1).max(50).optional(),
  crm_status: lower(CRM_PIPELINE).optional(),
})

const text = (max: number) => z.string().trim().min(1).max(max)
const datetime = z.coerce.date()

/** POST notify (spec 004's body). */
export const NotifyBody = z.object({
  booking_id: z.number().int().positive(),
  user: z.object({ id: z.number().int().positive(), email: z.email(), name: text(255), phone: z.string().trim().max(40).nullish() }),
  event: z.object({
    id: z.number().int().positive(),
    title: text(255),
    type: z.string().trim().max(50).nullish(),
    start_datetime: datetime.nullish(),
    location: z.string().trim().max(500).nullish(),
  }),
  facilitator_id: z.number().int().positive().nullish(),
  booking_date: datetime.nullish(),
  notes: z.string().max(2000).nullish(),
})

/** PUT bookings/{id}/status: one of the five stages (any other value is a 400), with optional notes. */
export const StatusBody = z.object({ crm_status: lower(CRM_PIPELINE), notes: z.string().trim().max(2000).nullish() })

const CrmUser = z.object({
  id: z.number().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
})
const CrmEvent = z.object({
  id: z.number().nullable(),
  title: z.string().nullable(),
  type: z.string().nullable(),
  start_datetime: z.string().nullable(),
  location: z.string().nullable(),
})

export const CrmBookingOut = z.object({
  id: z.number(),
  booking_id: z.number(),
  source: z.enum(CRM_SOURCES),
  user: CrmUser,
  event: CrmEvent,
  facilitator_id: z.number().nullable(),
  booking_date: z.string().nullable(),
  notes: z.string().nullable(),
  received_at: z.string(),
  status: z.enum(CRM_BOOKING_STATUSES),
  crm_status: z.enum(CRM_PIPELINE),
  crm_notes: z.string().nullable(),
  assigned_to: z.number().nullable(),
})

const StageChangeOut = z.object({
  from_status: z.enum(CRM_PIPELINE).nullable(),
  to_status: z.enum(CRM_PIPELINE),
  by: z.object({ actor: z.string(), user_id: z.number().nullable() }),
  at: z.string(),
  notes: z.string().nullable(),
})

export const CrmBookingDetailOut = z.object({ booking: CrmBookingOut.extend({ status_history: z.array(StageChangeOut) }) })

const filtersApplied = z.object({
  facilitator_id: z.number().nullable(),
  event_id: z.number().nullable(),
  user_id: z.number().nullable(),
  status: z.string().nullable(),
  crm_status: z.string().nullable(),
})

export const CrmBookingListOut = z.object({
  bookings: z.array(CrmBookingOut),
  pagination: PagePaginationOut,
  filters_applied: filtersApplied,
  summary: z.object({ total_notifications: z.number(), filtered_results: z.number() }),
})

export const NotifyOut = z.object({ message: z.string(), notification_id: z.number(), status: z.literal('success') })

export const StatusOut = z.object({
  message: z.string(),
  booking_id: z.number(),
  old_status: z.enum(CRM_PIPELINE),
  new_status: z.enum(CRM_PIPELINE),
  updated_at: z.string(),
})

const StageDurationOut = z.object({ median_seconds: z.number().nullable(), bookings: z.number() })
const Statistics = z.object({
  total_bookings: z.number(),
  session_bookings: z.number(),
  retreat_bookings: z.number(),
  recent_bookings: z.number(),
  unique_users: z.number(),
  unique_events: z.number(),
  time_in_stage: z.record(z.enum(CRM_PIPELINE), StageDurationOut),
})

export const FacilitatorBookingsOut = z.object({
  facilitator_id: z.number(),
  bookings: z.array(CrmBookingOut),
  statistics: Statistics,
  pagination: PagePaginationOut,
})

export const DashboardOut = z.object({
  facilitator_id: z.number(),
  // The statistics, with recent_bookings named recent_bookings_count (the handler renames it).
  summary: Statistics.omit({ recent_bookings: true }).extend({ recent_bookings_count: z.number() }),
  popular_events: z.array(
    z.object({ event_id: z.number(), event_title: z.string().nullable(), event_type: z.string().nullable(), booking_count: z.number() }),
  ),
  recent_bookings: z.array(CrmBookingOut),
  booking_trends: z.object({ sessions_vs_retreats: z.object({ sessions: z.number(), retreats: z.number() }) }),
  generated_at: z.string(),
})

export const HealthOut = z.object({
  status: z.literal('healthy'),
  service: z.string(),
  port: z.number(),
  timestamp: z.string(),
  notifications_received: z.number(),
  unique_facilitators: z.number(),
  unique_events: z.number(),
  endpoints: z.array(z.string()),
})
