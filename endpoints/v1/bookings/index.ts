import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import { cancelRegistration } from '../../../src/domain/registrations/cancelRegistration.ts'
import { listBookings } from '../../../src/domain/registrations/listBookings.ts'
import { registerForEvent } from '../../../src/domain/registrations/registerForEvent.ts'
import type { Event, Registration } from '../../../src/payload-types.ts'
import { NotFoundError } from '../../../src/lib/errors.ts'
import { pagePagination } from '../../../src/lib/pagination.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { BookingIdParams, BookingListOut, BookingOut, CreateBookingBody, CreateBookingOut, ListBookingsQuery } from './schemas.ts'
import { bookingOf } from './serialize.ts'
import { isStaffMember } from '../../../src/access/isStaffMember.ts'
import { iso } from '../../../src/lib/dates.ts'

export const bookingsRoutes = v1Router('/bookings')

/** The booking if it is the caller's or the caller is staff; 404 otherwise (its existence stays private). */
async function readableBooking(req: PayloadRequest, id: number): Promise<Registration> {
  const registration = await req.payload.findByID({
    collection: 'registrations',
    id,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
  })
  if (!registration || (extractID(registration.user) !== req.user?.id && !isStaffMember(req.user)))
    throw new NotFoundError('Booking not found.')
  return registration
}

bookingsRoutes.post(
  '/',
  {
    summary: 'Book an event (spec 004); conflicting times are refused',
    auth: 'user',
    envelope: 'booking',
    body: CreateBookingBody,
    responses: { 201: CreateBookingOut, 402: 'Paid event', 409: 'Already booked, full, or overlapping' },
  },
  async ({ req, user, body }) => {
    const { registration, event } = await registerForEvent(req, user, body.event_id, { notes: body.notes })
    // The registration's transaction, committed by now, also wrote the CRM's outbox row: delivery is certain.
    return {
      status: 201,
      body: {
        message: 'Booking created successfully',
        booking: await bookingOf(req, registration, { event, owner: user }),
        crm_notified: true,
      },
    }
  },
)

bookingsRoutes.get(
  '/',
  {
    summary: "The caller's bookings (spec 004)",
    auth: 'user',
    envelope: 'booking',
    query: ListBookingsQuery,
    responses: { 200: BookingListOut },
  },
  async ({ req, user, query }) => {
    const result = await listBookings(req, user.id, query)
    // Every booking listed is the caller's, with its event populated by listBookings.
    const bookings = await Promise.all(
      result.docs.map((registration) =>
        bookingOf(req, { ...registration, event: extractID(registration.event) }, { event: registration.event as Event, owner: user }),
      ),
    )
    return {
      body: { bookings, pagination: pagePagination({ page: result.page ?? query.page, pageSize: query.perPage, total: result.totalDocs }) },
    }
  },
)

bookingsRoutes.get(
  '/:id',
  {
    summary: 'One booking (owner or staff)',
    auth: 'user',
    envelope: 'booking',
    params: BookingIdParams,
    responses: { 200: BookingOut, 404: 'Not found or not yours' },
  },
  async ({ req, params }) => ({ body: { booking: await bookingOf(req, await readableBooking(req, params.id)) } }),
)

bookingsRoutes.put(
  '/:id/cancel',
  {
    summary: 'Cancel a booking (owner or staff); the seat goes to the waitlist',
    auth: 'user',
    envelope: 'booking',
    params: BookingIdParams,
    responses: { 200: 'Cancelled booking', 404: 'Not found or not yours', 409: 'Already cancelled or checked in' },
  },
  async ({ req, user, params }) => {
    const registration = await readableBooking(req, params.id)
    const mine = extractID(registration.user) === user.id
    const cancelled = await cancelRegistration(req, registration, mine ? 'user' : 'staff')
    return {
      body: {
        message: 'Booking cancelled successfully',
        booking: { id: cancelled.id, status: cancelled.status, updated_at: iso(cancelled.updatedAt) },
      },
    }
  },
)
