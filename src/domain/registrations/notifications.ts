import type { PayloadRequest } from 'payload'
import type { Event, Registration, User } from '../../payload-types.ts'
import { config } from '../../lib/config.ts'
import { eventCalendar } from '../events/icalendar.ts'
import { enqueue } from '../outbox/enqueue.ts'

const zoneOf = (event: Event) => event.timezone ?? 'UTC'
const when = (event: Event) =>
  `${new Date(event.start_datetime).toLocaleString('en-GB', { timeZone: zoneOf(event), dateStyle: 'full', timeStyle: 'short' })} (${zoneOf(event)})`
const where = (event: Event) =>
  [event.location_name, event.location, event.location_city, event.location_country].filter(Boolean).join(', ') ||
  event.virtual_link ||
  'Online'

export function calendarFile(event: Event): string {
  return eventCalendar(
    {
      id: event.id,
      name: event.name,
      description: event.description_text ?? '',
      start: new Date(event.start_datetime),
      end: new Date(event.end_datetime),
      timezone: event.timezone ?? 'UTC',
      location: where(event),
      url: `${config.PUBLIC_URL}/events/${event.id}`,
      cancelled: event.status === 'cancelled',
    },
    new URL(config.PUBLIC_URL).hostname,
  )
}

/** The ticket email, with the event as an .ics attachment, sent after the registration commits. */
export async function sendTicketEmail(req: PayloadRequest, registration: Registration, event: Event, user: User): Promise<void> {
  if (!user.email || !registration.ticket_code) return
  await enqueue(req, 'email.send', {
    to: user.email,
    subject: `Your ticket for ${event.name}`,
    text: [
      `You're registered for ${event.name}.`,
      '',
      `Ticket code: ${registration.ticket_code}`,
      `When: ${when(event)}`,
      `Where: ${where(event)}`,
      '',
      `Show the ticket code (or its QR code: ${config.PUBLIC_URL}/tickets/${registration.id}) at the entrance.`,
      'The attached calendar file adds the event to your calendar.',
    ].join('\n'),
    attachments: [
      {
        filename: 'event.ics',
        content_type: 'text/calendar; charset=utf-8; method=PUBLISH',
        content_base64: Buffer.from(calendarFile(event)).toString('base64'),
      },
    ],
  })
}

/** A freed seat, held for the first person on the waitlist until the offer expires. */
export async function sendWaitlistOfferEmail(req: PayloadRequest, event: Event, user: User, token: string, expiresAt: Date): Promise<void> {
  if (!user.email) return
  await enqueue(req, 'email.send', {
    to: user.email,
    subject: `A seat opened up: ${event.name}`,
    text: [
      `Good news: a seat at ${event.name} (${when(event)}) is held for you until ${expiresAt.toISOString()}.`,
      '',
      `Claim it: ${config.PUBLIC_URL}/events/${event.id}/claim?token=${encodeURIComponent(token)}`,
      `Claim code: ${token}`,
      '',
      'If you do not claim it in time, it goes to the next person on the waitlist.',
    ].join('\n'),
  })
}
