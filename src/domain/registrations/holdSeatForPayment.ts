import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { ConflictError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'
import type { Event } from '../../payload-types.ts'
import { takeSeatOrFail } from '../events/eventSeats.ts'
import { ACTIVE_STATUSES, assertNoOverlap } from './conflicts.ts'
import { lockUser } from './lockUser.ts'
import { insertRegistration, markOfferPaying, setHoldExpiry } from './registrationRecords.ts'

/** Where a buyer's paid registration starts from. */
export type SeatForPayment =
  | { kind: 'unpaid_hold'; registrationId: number; paymentId: number } // a retried checkout: their hold, still unpaid
  | { kind: 'offer'; registrationId: number } // a waitlist seat offered to them
  | { kind: 'new' }

/**
 * The buyer's registration for the event, in the caller's transaction, with the user's requests taking
 * turns (row lock): their unpaid hold, an offered waitlist seat, or none. 409 if they are registered
 * already or the event overlaps another booking of theirs.
 */
export async function seatForPayment(req: PayloadRequest, userId: number, event: Event): Promise<SeatForPayment> {
  await lockUser(req, userId)
  const db = await txDb(req)
  const current = firstRow<{ id: number; status: string; holds_seat: boolean; payment_id: number | null }>(
    await db.execute(sql`
      SELECT id, status, holds_seat, payment_id FROM registrations
      WHERE event_id = ${event.id} AND user_id = ${userId} AND status IN ${ACTIVE_STATUSES}
      FOR UPDATE`),
  )
  if (current?.status === 'pending_payment' && current.payment_id)
    return { kind: 'unpaid_hold', registrationId: current.id, paymentId: current.payment_id }
  if (current?.status === 'waitlisted' && current.holds_seat) return { kind: 'offer', registrationId: current.id }
  if (current) throw new ConflictError('You are already registered for this event.')
  await assertNoOverlap(req, event, userId)
  return { kind: 'new' }
}

/**
 * Holds a seat while `paymentId` is paid: an offered seat becomes the hold, otherwise a pending_payment
 * registration takes a seat through the same conditional UPDATE free registrations use (409 when full).
 */
export async function holdSeatForPayment(
  req: PayloadRequest,
  start: Exclude<SeatForPayment, { kind: 'unpaid_hold' }>,
  hold: { eventId: number; userId: number; paymentId: number; holdExpiresAt: Date },
): Promise<number> {
  if (start.kind === 'offer') {
    await markOfferPaying(req, start.registrationId, hold.paymentId, hold.holdExpiresAt)
    return start.registrationId
  }
  const registration = await insertRegistration(req, hold.eventId, hold.userId, {
    status: 'pending_payment',
    payment: hold.paymentId,
    payment_status: 'pending',
    holds_seat: true,
    hold_expires_at: hold.holdExpiresAt.toISOString(),
  })
  await takeSeatOrFail(req, hold.eventId)
  return registration.id
}

/** The exact end of a hold, once the payment provider has fixed it. */
export async function setPaymentHoldExpiry(req: PayloadRequest, registrationId: number, holdExpiresAt: Date): Promise<void> {
  await setHoldExpiry(req, registrationId, holdExpiresAt)
}
