import type { PayloadRequest } from 'payload'
import { hasRole } from '../../../src/access/hasRole.ts'
import { eventTypeById } from '../../../src/domain/events/eventTypes.ts'
import { cancelRegistration } from '../../../src/domain/registrations/cancelRegistration.ts'
import { listBookings } from '../../../src/domain/registrations/listBookings.ts'
import { registerForEvent } from '../../../src/domain/registrations/registerForEvent.ts'
import type { Event, Registration, User } from '../../../src/payload-types.ts'
import { NotFoundError } from '../../../src/lib/errors.ts'
import { pagePagination } from '../../../src/lib/pagination.ts'
import { v1Router } from '../../../src/lib/http/v1Router.ts'
import { BookingIdParams, BookingListOut, BookingOut, CreateBookingBody, CreateBookingOut, ListBookingsQuery } from './schemas.ts'
import { serializeBooking } from './serialize.ts'

export const bookingsRoutes = v1Router('/bookings')

const idOf = (value: number | { id: number } | null | undefined) => (typeof value === 'object' ? (value?.id ?? 0) : (value ?? 0))

async function bookingView(req: PayloadRequest, registration: Registration, event?: Event) {
  const fullEvent = event ?? (await req.payload.findByID({ collection: 'events', id: idOf(registration.event), depth: 0, overrideAccess: true, req }))
  const owner = await req.payload.findByID({ collection: 'users', id: idOf(registration.user), depth: 0, overrideAccess: true, req })
  const type = await eventTypeById(req.payload, idOf(fullEvent.event_type))
  return serializeBooking(registration, owner, fullEvent, type?.key ?? null)
}

/** The booking if it is the caller's or the caller is staff; 404 otherwise (its existence stays private). */
async function readableBooking(req: PayloadRequest, id: number): Promise<Registration> {
  const registration = await req.payload.findByID({ collection: 'registrations', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!registration || (idOf(registration.user) !== req.user?.id && !hasRole(req.user, 'manager', 'admin'))) throw new NotFoundError('Booking not found.')
  return registration
}

bookingsRoutes.post('/', { summary: 'Book an event (spec 004); conflicting times are refused', auth: 'user', envelope: 'booking', body: CreateBookingBody, responses: { 201: CreateBookingOut, 402: 'Paid event', 409: 'Already booked, full, or overlapping' } },
  async ({ req, user, body }) => {
    const { registration, event } = await registerForEvent(req, user as User, body.event_id, { notes: body.notes })
    // The CRM service (spec 004) is not part of this platform yet: nothing was sent to it.
    return { status: 201, body: { message: 'Booking created successfully', booking: await bookingView(req, registration, event), crm_notified: false } }
  })

bookingsRoutes.get('/', { summary: 'The caller\'s bookings (spec 004)', auth: 'user', envelope: 'booking', query: ListBookingsQuery, responses: { 200: BookingListOut } },
  async ({ req, user, query }) => {
    const result = await listBookings(req, (user as User).id, query)
    const bookings = await Promise.all(result.docs.map((registration) => bookingView(req, { ...registration, event: idOf(registration.event) }, registration.event as Event)))
    return { body: { bookings, pagination: pagePagination({ page: result.page ?? query.page, pageSize: query.perPage, total: result.totalDocs }) } }
  })

bookingsRoutes.get('/:id', { summary: 'One booking (owner or staff)', auth: 'user', envelope: 'booking', params: BookingIdParams, responses: { 200: BookingOut, 404: 'Not found or not yours' } },
  async ({ req, params }) => ({ body: { booking: await bookingView(req, await readableBooking(req, params.id)) } }))

bookingsRoutes.put('/:id/cancel', { summary: 'Cancel a booking (owner or staff); the seat goes to the waitlist', auth: 'user', envelope: 'booking', params: BookingIdParams, responses: { 200: 'Cancelled booking', 404: 'Not found or not yours', 409: 'Already cancelled or checked in' } },
  async ({ req, user, params }) => {
    const registration = await readableBooking(req, params.id)
    const mine = idOf(registration.user) === (user as User).id
    const cancelled = await cancelRegistration(req, registration, mine ? 'user' : 'staff')
    return { body: { message: 'Booking cancelled successfully', booking: { id: cancelled.id, status: cancelled.status, updated_at: new Date(cancelled.updatedAt).toISOString() } } }
  })
