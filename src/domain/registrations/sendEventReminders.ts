import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload } from 'payload'
import { config } from '../../lib/config.ts'
import { rootDb, withTransaction } from '../../lib/transaction.ts'
import { notify } from '../notifications/notify.ts'

/** The reminders before an event: how long before its start, and what the key and text call it. */
export const EVENT_REMINDERS = [
  { name: '24h', hours: 24, phrase: 'tomorrow' },
  { name: '1h', hours: 1, phrase: 'in one hour' },
] as const

type DueEvent = { id: number; name: string; start_datetime: string | Date; timezone: string | null; user_ids: number[] }

/**
 * Events starting within `hours` of `now` and the users with a confirmed registration made before the
 * reminder was due (someone who registers 3 hours ahead gets the 1 h reminder only).
 */
async function dueEvents(payload: Payload, now: Date, hours: number): Promise<DueEvent[]> {
  const at = now.toISOString()
  const result = await rootDb(payload).execute(sql`
    SELECT e.id, e.name, e.start_datetime, e.timezone, array_agg(r.user_id ORDER BY r.user_id) AS user_ids
    FROM events e JOIN registrations r ON r.event_id = e.id
    WHERE r.status = 'confirmed' AND e.status <> 'cancelled'
      AND e.start_datetime > ${at}::timestamptz AND e.start_datetime <= ${at}::timestamptz + make_interval(hours => ${hours})
      AND r.created_at <= e.start_datetime - make_interval(hours => ${hours})
    GROUP BY e.id`)
  return result.rows as DueEvent[]
}

/**
 * The event reminders job: 24 h and 1 h before an event, an `event_reminder` notification to each
 * confirmed attendee. Once each: the dedupe key names the reminder and the event's start, so reruns,
 * other instances and a late run after downtime add nothing, while a rescheduled event reminds again.
 */
export async function sendEventReminders(payload: Payload, now: Date): Promise<number> {
  let sent = 0
  for (const reminder of EVENT_REMINDERS) {
    for (const event of await dueEvents(payload, now, reminder.hours)) {
      const start = new Date(event.start_datetime)
      const when = start.toLocaleString('en-GB', { timeZone: event.timezone ?? 'UTC', dateStyle: 'full', timeStyle: 'short' })
      const req = await createLocalReq({}, payload)
      const stored = await withTransaction(req, () =>
        notify(
          event.user_ids.map(Number),
          'event_reminder',
          {
            title: `${event.name} starts ${reminder.phrase}`,
            message: `${event.name} starts ${when} (${event.timezone ?? 'UTC'}).`,
            priority: reminder.hours === 1 ? 'high' : 'medium',
            redirect: { kind: 'event', id: event.id, url: `/events/${event.id}` },
            action_url: `${config.PUBLIC_URL}/events/${event.id}`,
            metadata: { event_id: event.id, reminder: reminder.name },
          },
          { req, dedupeKey: `event_reminder:${reminder.name}:${event.id}:${start.getTime()}` },
        ),
      )
      sent += stored.length
    }
  }
  return sent
}
