import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { iso } from '../../lib/dates.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { personCards } from '../friends/personCards.ts'
import { notify } from '../notifications/notify.ts'
import { claimDueReminders, type DueReminder } from './sessionRecords.ts'
import { SESSION_REMINDERS } from './statuses.ts'

const LEAD = { '24h': 'in 24 hours', '15m': 'in 15 minutes' } as const

/**
 * The 24-hour and 15-minute reminders, to both people of each upcoming session (a cron job every minute).
 * Each reminder is claimed by a conditional UPDATE in the transaction that stores the notifications, and
 * notify's dedupe key backs it, so reruns and parallel instances send each one exactly once. A session
 * booked less than 15 minutes ahead gets only the 15-minute one.
 */
export async function sendSessionReminders(payload: Payload, now: Date): Promise<{ sent: number }> {
  const req = await createLocalReq({}, payload)
  let sent = 0
  for (const [index, reminder] of SESSION_REMINDERS.entries()) {
    const next = SESSION_REMINDERS[index + 1]
    sent += await withTransaction(req, async () => {
      const due = await claimDueReminders(
        req,
        reminder.column,
        { minutesBefore: reminder.minutesBefore, minutesAfter: next?.minutesBefore ?? 0 },
        now,
      )
      await remind(req, due, reminder.kind)
      return due.length
    })
  }
  return { sent }
}

async function remind(req: PayloadRequest, due: DueReminder[], kind: keyof typeof LEAD): Promise<void> {
  const cards = await personCards(
    req,
    due.flatMap((session) => [session.user_id, session.friend_id]),
  )
  for (const session of due) {
    for (const [recipient, other] of [
      [session.user_id, session.friend_id],
      [session.friend_id, session.user_id],
    ]) {
      await notify(
        recipient,
        'session_reminder',
        {
          title: `Your ${session.type} session starts ${LEAD[kind]}`,
          message: `With ${cards.get(other)?.name ?? 'your match'}, at ${iso(session.scheduled_at)}.`,
          priority: 'high',
          redirect: { kind: 'session', id: session.id },
          metadata: { session_id: session.id, reminder: kind, scheduled_at: iso(session.scheduled_at) },
        },
        { req, dedupeKey: `friend-session:${session.id}:reminder:${kind}:${iso(session.scheduled_at)}` },
      )
    }
  }
}
