import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { ConflictError } from '../../lib/errors.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { SessionPaymentStatus, SessionType } from './statuses.ts'

/** The only writer of friend_sessions. Every move of an upcoming session is conditional on it still being upcoming. */

type PgError = { code?: string; constraint?: string; cause?: PgError }

/** The exclusion constraints' refusals as the client's 409 (which of the two people is busy). */
async function refusingOverlaps<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    const pg = error as PgError
    const code = pg.code ?? pg.cause?.code
    const constraint = pg.constraint ?? pg.cause?.constraint
    if (code !== '23P01') throw error
    throw new ConflictError(
      constraint === 'friend_sessions_user_no_overlap'
        ? 'You already have a session at that time.'
        : 'This friend already has a session at that time.',
    )
  }
}

export type NewSession = {
  userId: number
  friendId: number
  type: SessionType
  scheduledAt: Date
  durationMinutes: number
  priceCents: number
  currency: string
  notes: string | null
  paymentStatus: SessionPaymentStatus
}

export async function insertSession(req: PayloadRequest, session: NewSession): Promise<number> {
  const db = await txDb(req)
  const result = await refusingOverlaps(() =>
    db.execute(sql`
      INSERT INTO friend_sessions (user_id, friend_id, type, scheduled_at, ends_at, duration_minutes, price_cents, currency, status, notes, payment_status, late_cancellation)
      VALUES (${session.userId}, ${session.friendId}, ${session.type}, ${session.scheduledAt.toISOString()},
        ${session.scheduledAt.toISOString()}::timestamptz + make_interval(mins => ${session.durationMinutes}),
        ${session.durationMinutes}, ${session.priceCents}, ${session.currency}, 'upcoming', ${session.notes}, ${session.paymentStatus}, false)
      RETURNING id`),
  )
  return firstRow<{ id: number }>(result)!.id
}

export type SessionChanges = { scheduledAt: Date; durationMinutes: number; priceCents: number; notes: string | null }

/** Moves an upcoming session; false when it is no longer upcoming. */
export async function rescheduleSessionRow(req: PayloadRequest, id: number, changes: SessionChanges): Promise<boolean> {
  const db = await txDb(req)
  const result = await refusingOverlaps(() =>
    db.execute(sql`
      UPDATE friend_sessions SET scheduled_at = ${changes.scheduledAt.toISOString()},
        ends_at = ${changes.scheduledAt.toISOString()}::timestamptz + make_interval(mins => ${changes.durationMinutes}),
        duration_minutes = ${changes.durationMinutes}, price_cents = ${changes.priceCents}, notes = ${changes.notes},
        reminded_24h_at = NULL, reminded_15m_at = NULL, updated_at = now()
      WHERE id = ${id} AND status = 'upcoming' RETURNING id`),
  )
  return result.rows.length > 0
}

/** Records that an upcoming session that has started took place or not; false when it was not upcoming or not started. */
export async function setSessionOutcomeRow(req: PayloadRequest, id: number, status: 'completed' | 'no_show', now: Date): Promise<boolean> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE friend_sessions SET status = ${status}, updated_at = now()
    WHERE id = ${id} AND status = 'upcoming' AND scheduled_at <= ${now.toISOString()} RETURNING id`)
  return result.rows.length > 0
}

/** Cancels an upcoming session (freeing its slot); false when it was not upcoming. */
export async function cancelSessionRow(req: PayloadRequest, id: number, by: number | null, late: boolean, now: Date): Promise<boolean> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE friend_sessions SET status = 'cancelled', late_cancellation = ${late}, cancelled_at = ${now.toISOString()},
      cancelled_by_id = ${by}, updated_at = now()
    WHERE id = ${id} AND status = 'upcoming' RETURNING id`)
  return result.rows.length > 0
}

/** The charge's outcome; a failed charge also cancels the session, so its slot is free again. */
export async function setSessionPayment(
  req: PayloadRequest,
  id: number,
  status: SessionPaymentStatus,
  paymentIntentId: string | null,
): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE friend_sessions SET payment_status = ${status}, stripe_payment_intent_id = coalesce(${paymentIntentId}, stripe_payment_intent_id),
      status = CASE WHEN ${status} = 'failed' AND status = 'upcoming' THEN 'cancelled'::enum_friend_sessions_status ELSE status END,
      cancelled_at = CASE WHEN ${status} = 'failed' THEN now() ELSE cancelled_at END, updated_at = now()
    WHERE id = ${id}`)
}

export type DueReminder = { id: number; user_id: number; friend_id: number; type: SessionType; scheduled_at: string }

/**
 * Claims the upcoming sessions whose reminder is due (starting within `minutesBefore` but after
 * `minutesAfter` from now) and not yet sent: one UPDATE marks them, so a second run, or a second instance,
 * finds none.
 */
export async function claimDueReminders(
  req: PayloadRequest,
  column: 'reminded_24h_at' | 'reminded_15m_at',
  { minutesBefore, minutesAfter }: { minutesBefore: number; minutesAfter: number },
  now: Date,
): Promise<DueReminder[]> {
  const db = await txDb(req)
  const at = now.toISOString()
  const result = await db.execute(sql`
    UPDATE friend_sessions SET ${sql.identifier(column)} = ${at}
    WHERE status = 'upcoming' AND ${sql.identifier(column)} IS NULL
      AND scheduled_at > ${at}::timestamptz + make_interval(mins => ${minutesAfter})
      AND scheduled_at <= ${at}::timestamptz + make_interval(mins => ${minutesBefore})
    RETURNING id, user_id, friend_id, type, scheduled_at`)
  return result.rows as DueReminder[]
}

/** A charge that waited for 3-D Secure settles (webhook): paid, or failed (which cancels the session and frees its slot). */
export async function settleSessionPayment(
  req: PayloadRequest,
  id: number,
  outcome: 'paid' | 'failed',
  paymentIntentId: string,
): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE friend_sessions SET payment_status = ${outcome},
      status = CASE WHEN ${outcome} = 'failed' AND status = 'upcoming' THEN 'cancelled'::enum_friend_sessions_status ELSE status END,
      cancelled_at = CASE WHEN ${outcome} = 'failed' AND status = 'upcoming' THEN now() ELSE cancelled_at END, updated_at = now()
    WHERE id = ${id} AND stripe_payment_intent_id = ${paymentIntentId} AND payment_status = 'requires_action'`)
}

/** SELECT ... FOR UPDATE of one session, in req's transaction. */
export async function lockSessionRow(req: PayloadRequest, id: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`SELECT id FROM friend_sessions WHERE id = ${id} FOR UPDATE`)
}
