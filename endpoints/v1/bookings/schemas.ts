import { z } from 'zod'
import { PagePaginationOut, pageParams } from '../../../src/lib/validation/pageQuery.ts'
import { REGISTRATION_STATUSES } from '../../../src/domain/registrations/statuses.ts'

const statuses = REGISTRATION_STATUSES

/** POST events/book (001): the event, and a payment method for paid events (issue of payments). */
export const BookEventBody = z.object({
  event_id: z.number().int().positive(),
  payment_method_id: z.string().trim().max(255).optional(),
  notes: z.string().trim().max(2000).optional(),
})

/** POST bookings (004). */
export const CreateBookingBody = z.object({ event_id: z.number().int().positive(), notes: z.string().trim().max(2000).optional() })

export const BookingIdParams = z.object({ id: z.coerce.number().int().positive() })

export const ListBookingsQuery = z
  .object({
    ...pageParams,
    // Spec 004 writes statuses in capitals (CONFIRMED); both spellings work.
    status: z.string().toLowerCase().pipe(z.enum(statuses)).optional(),
    upcoming: z.stringbool().default(false),
  })
  .transform(({ per_page, limit, ...rest }) => ({ ...rest, perPage: per_page ?? limit ?? 10 }))

const BookingUser = z.object({
  id: z.number(),
  email: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
})
const BookingEvent = z.object({ id: z.number(), title: z.string(), event_type: z.string().nullable(), start_datetime: z.string() })

export const BookingOut = z.object({
  id: z.number(),
  user: BookingUser,
  event: BookingEvent,
  booking_date: z.string(),
  status: z.string(),
  notes: z.string().nullable(),
  payment_status: z.string(),
  ticket_code: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
})

export const CreateBookingOut = z.object({ message: z.string(), booking: BookingOut, crm_notified: z.boolean() })
export const BookingListOut = z.object({
  bookings: z.array(BookingOut),
  pagination: PagePaginationOut,
})
