import type { PayloadRequest } from 'payload'
import { ACTIVE_REGISTRATION_STATUSES, ATTENDING_STATUSES, GIVE_UP_SEAT_STATUSES } from '../../../src/domain/registrations/statuses.ts'
import { canManageEvent } from '../../../src/domain/events/canManageEvent.ts'
import { createEvent } from '../../../src/domain/events/createEvent.ts'
import { eventTypes } from '../../../src/domain/events/eventTypes.ts'
import { listEvents } from '../../../src/domain/events/listEvents.ts'
import { attendeesCsv, attendeesOf } from '../../../src/domain/registrations/attendees.ts'
import { cancelRegistration } from '../../../src/domain/registrations/cancelRegistration.ts'
import { checkInTicket } from '../../../src/domain/registrations/checkInTicket.ts'
import { claimWaitlistOffer } from '../../../src/domain/registrations/claimWaitlistOffer.ts'
import { joinWaitlist, waitlistPosition } from '../../../src/domain/registrations/joinWaitlist.ts'
import { calendarFile } from '../../../src/domain/registrations/notifications.ts'
import { bookEvent } from '../../../src/domain/payments/bookEvent.ts'
import { readableEvent } from '../../../src/domain/registrations/eventForRegistration.ts'
import { registerForEvent } from '../../../src/domain/registrations/registerForEvent.ts'
import { registrationOf } from '../../../src/domain/registrations/registrationOf.ts'
import type { Event } from '../../../src/payload-types.ts'
import { ForbiddenError, NotFoundError } from '../../../src/lib/errors.ts'
import { pagePagination } from '../../../src/lib/pagination.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { BookEventBody } from '../bookings/schemas.ts'
import { bookingOf } from '../bookings/serialize.ts'
import {
  AttendeesQuery,
  CheckInBody,
  ClaimBody,
  CreateEventBody,
  EventDetailOut,
  EventIdParams,
  EventListOut,
  EventOut,
  EventTypesOut,
  ListEventsQuery,
  RegisterBody,
  RegistrationOut,
  StatusOut,
  WaitlistOut,
} from './schemas.ts'
import { serializeEvents, serializeRegistration } from './serialize.ts'

export const eventsRoutes = v1Router('/events')

async function managedEvent(req: PayloadRequest, id: number): Promise<Event> {
  const event = await readableEvent(req, id)
  if (!(await canManageEvent(req, event))) throw new ForbiddenError("Only staff and the event's facilitator can do this.")
  return event
}

eventsRoutes.get(
  '/',
  { summary: 'Published events, filtered and paged (specs 000, 001, 004)', query: ListEventsQuery, responses: { 200: EventListOut } },
  async ({ req, query }) => {
    const result = await listEvents(req.payload, query)
    const pagination = pagePagination({ page: result.page ?? query.page, pageSize: query.limit, total: result.totalDocs })
    return {
      body: {
        events: await serializeEvents(req, result.docs),
        total: result.totalDocs,
        page: pagination.page,
        pages: pagination.pages,
        pagination,
      },
    }
  },
)

eventsRoutes.get('/types', { summary: 'Event types (spec 004)', responses: { 200: EventTypesOut } }, async ({ req }) => ({
  body: {
    event_types: (await eventTypes(req.payload))
      .filter((type) => type.is_active !== false)
      .map((type) => ({ key: type.key.toUpperCase(), value: type.value, label: type.label, slug: type.key })),
  },
}))

eventsRoutes.post(
  '/book',
  {
    summary: 'Book a group event (spec 001); paid events with payment_method_id (PaymentIntent, 3-D Secure via client_secret)',
    auth: 'user',
    envelope: 'humanlink',
    body: BookEventBody,
    responses: {
      201: 'HumanLink envelope with the booking (and the payment for paid events)',
      402: 'Paid event without a payment method, or card declined',
    },
  },
  async ({ req, user, body }) => {
    const { registration, event, payment } = await bookEvent(req, user, body.event_id, {
      notes: body.notes,
      paymentMethodId: body.payment_method_id,
    })
    const booking = await bookingOf(req, registration, { event, owner: user })
    if (!payment)
      return {
        status: 201,
        body: { success: true, data: { booking, ticket_code: registration.ticket_code }, message: 'Event booked successfully' },
      }
    const intent = {
      id: payment.paymentId,
      status: payment.intent.status,
      client_secret: payment.intent.client_secret,
      requires_action: payment.intent.status === 'requires_action',
    }
    return {
      status: 201,
      body: {
        success: true,
        data: { booking, payment: intent, ticket_code: registration.ticket_code ?? null },
        message: registration.status === 'confirmed' ? 'Event booked successfully' : 'Confirm the payment to complete the booking',
      },
    }
  },
)

eventsRoutes.post(
  '/',
  {
    summary: "Create an event (members' events wait for staff approval)",
    auth: 'user',
    body: CreateEventBody,
    responses: { 201: EventOut },
  },
  async ({ req, user, body }) => {
    const event = await createEvent(req, user, {
      ...body,
      name: body.name ?? body.title ?? '',
      event_type: body.event_type ?? body.type ?? body.category ?? '',
      max_attendees: body.max_attendees ?? body.max_participants ?? body.capacity ?? 0,
      price_cents: body.price_cents ?? Math.round((body.price ?? 0) * 100),
    })
    const [view] = await serializeEvents(req, [event])
    return { status: 201, body: { ...view, event: view } }
  },
)

eventsRoutes.get(
  '/:id',
  {
    summary: "An event, with the caller's registration (000) and as {event} (004)",
    auth: 'optional',
    params: EventIdParams,
    responses: { 200: EventDetailOut, 404: 'No such event, or not visible' },
  },
  async ({ req, user, params }) => {
    const event = await readableEvent(req, params.id)
    const [view] = await serializeEvents(req, [event])
    const mine = user ? await registrationOf(req, event.id, user.id, [...ACTIVE_REGISTRATION_STATUSES]) : null
    const registered = Boolean(mine && mine.status !== 'waitlisted')
    return { body: { ...view, is_registered: registered, registration_status: mine?.status ?? null, event: view } }
  },
)

eventsRoutes.post(
  '/:id/register',
  {
    summary: 'Register the caller for a free event (spec 000); 402 for paid events',
    auth: 'user',
    params: EventIdParams,
    body: RegisterBody,
    responses: {
      200: RegistrationOut,
      402: 'Payment required: {detail: {message, event_id, price_cents, currency}}',
      409: 'Already registered, full, or overlapping another booking',
    },
  },
  async ({ req, user, params, body }) => {
    const { registration } = await registerForEvent(req, user, params.id, body)
    return { body: serializeRegistration(registration) }
  },
)

eventsRoutes.get(
  '/:id/status',
  { summary: "The caller's registration status for an event", auth: 'user', params: EventIdParams, responses: { 200: StatusOut } },
  async ({ req, user, params }) => {
    const event = await readableEvent(req, params.id)
    const mine = await registrationOf(req, event.id, user.id)
    const waiting = mine?.status === 'waitlisted'
    return {
      body: {
        event_id: event.id,
        is_registered: Boolean(mine && (ATTENDING_STATUSES as readonly string[]).includes(mine.status)),
        status: mine?.status ?? null,
        waitlist_position: waiting && mine ? await waitlistPosition(req, mine) : null,
        registration: mine ? serializeRegistration(mine) : null,
      },
    }
  },
)

eventsRoutes.delete(
  '/:id/register',
  {
    summary: "Cancel the caller's registration; the seat goes to the waitlist",
    auth: 'user',
    params: EventIdParams,
    responses: { 200: RegistrationOut, 404: 'Not registered' },
  },
  async ({ req, user, params }) => {
    const mine = await registrationOf(req, params.id, user.id, GIVE_UP_SEAT_STATUSES)
    if (!mine) throw new NotFoundError('You are not registered for this event.')
    const cancelled = await cancelRegistration(req, mine, 'user')
    return { body: { ...serializeRegistration(cancelled), detail: 'Registration cancelled.' } }
  },
)

eventsRoutes.post(
  '/:id/waitlist',
  {
    summary: "Join a full event's waitlist",
    auth: 'user',
    params: EventIdParams,
    responses: { 201: WaitlistOut, 409: 'Seats still available, or already registered' },
  },
  async ({ req, user, params }) => {
    const { registration, position } = await joinWaitlist(req, user, params.id)
    return {
      status: 201,
      body: { detail: `You are number ${position} on the waitlist.`, position, registration: serializeRegistration(registration) },
    }
  },
)

eventsRoutes.delete(
  '/:id/waitlist',
  {
    summary: 'Leave the waitlist (or decline a held offer)',
    auth: 'user',
    params: EventIdParams,
    responses: { 200: RegistrationOut, 404: 'Not on the waitlist' },
  },
  async ({ req, user, params }) => {
    const mine = await registrationOf(req, params.id, user.id, ['waitlisted'])
    if (!mine) throw new NotFoundError('You are not on the waitlist for this event.')
    return { body: serializeRegistration(await cancelRegistration(req, mine, 'user')) }
  },
)

eventsRoutes.post(
  '/:id/waitlist/claim',
  {
    summary: 'Claim a seat offered from the waitlist (token from the email)',
    params: EventIdParams,
    body: ClaimBody,
    responses: { 200: RegistrationOut, 400: 'Invalid or expired offer' },
  },
  async ({ req, params, body }) => {
    const { registration } = await claimWaitlistOffer(req, params.id, body.token)
    return { body: { ...serializeRegistration(registration), detail: 'Seat claimed: your ticket is on its way.' } }
  },
)

eventsRoutes.post(
  '/:id/check-in',
  {
    summary: "Check a ticket in at the door (staff or the event's facilitator); once only",
    auth: 'user',
    params: EventIdParams,
    body: CheckInBody,
    responses: {
      200: RegistrationOut,
      403: 'Not staff or facilitator',
      404: 'Unknown ticket',
      409: 'Already checked in (with when), cancelled or unpaid',
    },
  },
  async ({ req, params, body }) => {
    const event = await managedEvent(req, params.id)
    const registration = await checkInTicket(req, event.id, body.ticket_code)
    return { body: { ...serializeRegistration(registration), detail: 'Checked in.' } }
  },
)

eventsRoutes.get(
  '/:id/calendar.ics',
  { summary: 'The event as an iCalendar file', auth: 'optional', params: EventIdParams, responses: { 200: 'text/calendar' } },
  async ({ req, params, http }) => {
    const event = await readableEvent(req, params.id)
    http.res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="event-${event.id}.ics"`)
      .send(calendarFile(event))
    return { sent: true }
  },
)

eventsRoutes.get(
  '/:id/attendees',
  {
    summary: "Attendee list (staff or the event's facilitator)",
    auth: 'user',
    params: EventIdParams,
    query: AttendeesQuery,
    responses: { 200: 'Attendees with contacts', 403: 'Not staff or facilitator' },
  },
  async ({ req, params, query }) => {
    const event = await managedEvent(req, params.id)
    const attendees = await attendeesOf(req, event.id, query.status)
    return { body: { event_id: event.id, total: attendees.length, attendees } }
  },
)

eventsRoutes.get(
  '/:id/attendees.csv',
  {
    summary: "Attendee list as CSV (staff or the event's facilitator)",
    auth: 'user',
    params: EventIdParams,
    query: AttendeesQuery,
    responses: { 200: 'text/csv', 403: 'Not staff or facilitator' },
  },
  async ({ req, params, query, http }) => {
    const event = await managedEvent(req, params.id)
    const csv = attendeesCsv(await attendeesOf(req, event.id, query.status))
    http.res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="event-${event.id}-attendees.csv"`).send(csv)
    return { sent: true }
  },
)
