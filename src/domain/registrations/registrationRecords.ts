import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow, sqlList } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { Registration } from '../../payload-types.ts'
import { feedCrm } from './crmFeed.ts'
import { registrationStatusesBefore } from './registrationTransitions.ts'
import type { CancelReason, RegistrationPaymentStatus, RegistrationStatus } from './statuses.ts'

/**
 * The only writer of the `registrations` table. Every status change is one conditional UPDATE whose WHERE
 * admits only the statuses registrationTransitions.ts allows before the new one, so concurrent requests
 * move a registration once and state never runs backwards. Other areas call the registration use cases,
 * never these functions' SQL. Every insert, cancellation and payment also feeds the CRM (crmFeed.ts) in
 * the same transaction.
 */

type SQL = ReturnType<typeof sql>
type Target = { id: number } | { paymentId: number }
const targetSql = (target: Target): SQL => ('id' in target ? sql`id = ${target.id}` : sql`payment_id = ${target.paymentId}`)
const allowedBefore = (to: RegistrationStatus, from?: readonly RegistrationStatus[]) => sqlList(registrationStatusesBefore(to, from))

type NewRegistration = Pick<Registration, 'status' | 'payment_status' | 'holds_seat'> &
  Partial<Pick<Registration, 'ticket_code' | 'notes' | 'payment' | 'hold_expires_at'>>

/**
 * Inserts a registration of `userId` for `eventId`, booked now, in req's transaction. Called only after the
 * registration rules ran (hence overrideAccess); the partial unique index refuses a second active one.
 */
export async function insertRegistration(
  req: PayloadRequest,
  eventId: number,
  userId: number,
  fields: NewRegistration,
): Promise<Registration> {
  const registration = await req.payload.create({
    collection: 'registrations',
    overrideAccess: true,
    req,
    depth: 0,
    data: { event: eventId, user: userId, booking_date: new Date().toISOString(), ...fields },
  })
  // A waitlist place is not a booking yet: the CRM hears of it when it is claimed or paid.
  if (fields.status !== 'waitlisted') await feedCrm(req, registration.id)
  return registration
}

export type CancelledRow = { id: number; eventId: number; heldSeat: boolean }

export type CancelConditions = {
  reason: CancelReason
  /** Statuses it may leave (within what the transitions allow); all of them by default. */
  from?: readonly RegistrationStatus[]
  at?: Date
  /** Only while it still holds a seat (a hold or an offer that has not been given back). */
  onlyHoldingSeat?: boolean
  /** Only an offer whose claim window ended by then. */
  offerEndedBy?: Date
  paymentStatus?: RegistrationPaymentStatus
}

/** Ends a registration (or the one of a payment) once: returns what it was, or null if it could not move. */
export async function cancelRegistrationRow(
  req: PayloadRequest,
  target: Target,
  conditions: CancelConditions,
): Promise<CancelledRow | null> {
  const db = await txDb(req)
  const { reason, from, at = new Date(), onlyHoldingSeat, offerEndedBy, paymentStatus } = conditions
  const result = await db.execute(sql`
    UPDATE registrations r SET status = 'cancelled', cancelled_at = ${at}, cancel_reason = ${reason}, holds_seat = false,
      offer_expires_at = NULL, claim_token_hash = NULL, hold_expires_at = NULL, updated_at = now()
      ${paymentStatus ? sql`, payment_status = ${paymentStatus}` : sql``}
    FROM (SELECT id, holds_seat FROM registrations WHERE ${targetSql(target)} FOR UPDATE) previous
    WHERE r.id = previous.id AND r.status IN ${allowedBefore('cancelled', from)}
      ${onlyHoldingSeat ? sql`AND r.holds_seat` : sql``}
      ${offerEndedBy ? sql`AND r.offer_expires_at <= ${offerEndedBy}` : sql``}
    RETURNING r.id, r.event_id, previous.holds_seat AS held`)
  const row = firstRow<{ id: number; event_id: number; held: boolean }>(result)
  if (!row) return null
  await feedCrm(req, row.id)
  return { id: row.id, eventId: row.event_id, heldSeat: row.held }
}

/** A ticket scanned at the door: confirmed -> checked_in once. Returns the registration id, or null. */
export async function markCheckedIn(req: PayloadRequest, eventId: number, ticketCode: string): Promise<number | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE registrations SET status = 'checked_in', checked_in_at = now(), updated_at = now()
    WHERE event_id = ${eventId} AND ticket_code = ${ticketCode} AND status IN ${allowedBefore('checked_in', ['confirmed'])}
    RETURNING id`)
  return firstRow<{ id: number }>(result)?.id ?? null
}

/** A held waitlist offer claimed with its token before it expired: waitlisted -> confirmed with a ticket. */
export async function markOfferClaimed(
  req: PayloadRequest,
  eventId: number,
  claimTokenHash: string,
  ticketCode: string,
): Promise<{ id: number; userId: number } | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE registrations SET status = 'confirmed', ticket_code = ${ticketCode}, offer_expires_at = NULL, claim_token_hash = NULL,
      updated_at = now()
    WHERE event_id = ${eventId} AND claim_token_hash = ${claimTokenHash} AND status IN ${allowedBefore('confirmed', ['waitlisted'])}
      AND holds_seat AND offer_expires_at > now()
    RETURNING id, user_id`)
  const row = firstRow<{ id: number; user_id: number }>(result)
  if (!row) return null
  await feedCrm(req, row.id)
  return { id: row.id, userId: row.user_id }
}

/** A freed seat held for a waitlisted person until `expiresAt` (no status change: they still have to claim it). */
export async function markOffered(req: PayloadRequest, registrationId: number, expiresAt: Date, claimTokenHash: string): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE registrations SET holds_seat = true, offer_expires_at = ${expiresAt}, claim_token_hash = ${claimTokenHash}, updated_at = now()
    WHERE id = ${registrationId} AND status = 'waitlisted'`)
}

/** An offered waitlist seat becomes a paid hold: waitlisted -> pending_payment, keeping the seat it holds. */
export async function markOfferPaying(req: PayloadRequest, registrationId: number, paymentId: number, holdExpiresAt: Date): Promise<void> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE registrations SET status = 'pending_payment', payment_id = ${paymentId}, payment_status = 'pending',
      hold_expires_at = ${holdExpiresAt}, offer_expires_at = NULL, claim_token_hash = NULL, updated_at = now()
    WHERE id = ${registrationId} AND status IN ${allowedBefore('pending_payment', ['waitlisted'])} AND holds_seat`)
  if ((result.rowCount ?? 0) > 0) await feedCrm(req, registrationId)
}

/** When an unpaid hold ends (Stripe's own expiry of the checkout, once known). */
export async function setHoldExpiry(req: PayloadRequest, registrationId: number, holdExpiresAt: Date): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE registrations SET hold_expires_at = ${holdExpiresAt}, updated_at = now()
    WHERE id = ${registrationId} AND status = 'pending_payment'`)
}

/** The payment of a held seat arrived in time: pending_payment -> confirmed with a ticket. Returns the id, or null. */
export async function markHoldPaid(req: PayloadRequest, paymentId: number, ticketCode: string): Promise<number | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE registrations SET status = 'confirmed', payment_status = 'paid', ticket_code = ${ticketCode}, hold_expires_at = NULL,
      updated_at = now()
    WHERE payment_id = ${paymentId} AND status IN ${allowedBefore('confirmed', ['pending_payment'])}
    RETURNING id`)
  const id = firstRow<{ id: number }>(result)?.id ?? null
  if (id !== null) await feedCrm(req, id)
  return id
}

/** A late payment gets back the seat its hold had lost: cancelled -> confirmed with a ticket (the seat is taken by the caller). */
export async function markRevivedPaid(req: PayloadRequest, registrationId: number, ticketCode: string): Promise<boolean> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE registrations SET status = 'confirmed', payment_status = 'paid', holds_seat = true, ticket_code = ${ticketCode},
      cancelled_at = NULL, cancel_reason = NULL, hold_expires_at = NULL, updated_at = now()
    WHERE id = ${registrationId} AND status IN ${allowedBefore('confirmed', ['cancelled'])}`)
  const revived = (result.rowCount ?? 0) > 0
  if (revived) await feedCrm(req, registrationId)
  return revived
}

/** Records on every registration of a payment that its money went back (whatever their status). */
export async function markPaymentRefunded(req: PayloadRequest, paymentId: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE registrations SET payment_status = 'refunded', updated_at = now() WHERE payment_id = ${paymentId}`)
}
