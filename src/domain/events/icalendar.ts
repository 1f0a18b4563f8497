import ical, { ICalEventStatus } from 'ical-generator'

export type CalendarEvent = {
  id: number
  name: string
  description: string
  start: Date
  end: Date
  timezone: string
  location: string | null
  url: string
  cancelled: boolean
}

/** An RFC 5545 calendar with one event (UTC times, with the event's time zone noted), for calendar apps. */
export function eventCalendar(event: CalendarEvent, host: string): string {
  const calendar = ical({ prodId: { company: 'platform', product: 'events', language: 'EN' }, name: event.name })
  calendar.createEvent({
    id: `event-${event.id}@${host}`,
    start: event.start,
    end: event.end,
    summary: event.name,
    description: event.description || undefined,
    location: event.location ?? undefined,
    url: event.url,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: new Date(),
    x: [{ key: 'X-EVENT-TIMEZONE', value: event.timezone }],
  })
  return calendar.toString()
}
