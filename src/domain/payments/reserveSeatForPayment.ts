import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Event, Payment, User } from '../../payload-types.ts'
import { config } from '../../lib/config.ts'
import { ConflictError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { ACTIVE_STATUSES, assertNoOverlap } from '../registrations/conflicts.ts'
import { createRegistration } from '../registrations/createRegistration.ts'
import { lockUser, takeSeatOrFail } from '../registrations/seats.ts'
import type { PaymentRow } from './paymentRecords.ts'

export type PaymentMethod = Payment['payment_method']

export type Hold = { paymentId: number; registrationId: number; existingSessionId: string | null; holdExpiresAt: Date }

/** What Stripe keeps about a hold (on the session and the PaymentIntent), so every webhook finds its payment. */
export function holdMetadata(hold: Hold, event: Event, user: User): Record<string, string> {
  return {
    payment_id: String(hold.paymentId),
    registration_id: String(hold.registrationId),
    event_id: String(event.id),
    user_id: String(user.id),
  }
}

/**
 * A seat held for a buyer while they pay: a pending_payment registration and a pending payment, with the
 * seat taken by the same conditional UPDATE free registrations use, in one transaction. A buyer who already
 * holds an unpaid seat for this event gets that hold back (a retried request); an offered waitlist seat
 * becomes the hold without taking a second seat.
 */
export async function reserveSeatForPayment(req: PayloadRequest, user: User, event: Event, method: PaymentMethod): Promise<Hold> {
  return withTransaction(req, async () => {
    await lockUser(req, user.id)
    const db = await txDb(req)
    const existing = await db.execute(sql`
      SELECT r.id, r.status, r.holds_seat, p.id AS payment_id, p.status AS payment_status, p.stripe_checkout_session_id
      FROM registrations r LEFT JOIN payments p ON p.id = r.payment_id
      WHERE r.event_id = ${event.id} AND r.user_id = ${user.id} AND r.status IN ${ACTIVE_STATUSES}
      FOR UPDATE OF r`)
    const active = existing.rows[0] as
      | {
          id: number
          status: string
          holds_seat: boolean
          payment_id: number | null
          payment_status: string | null
          stripe_checkout_session_id: string | null
        }
      | undefined
    const holdExpiresAt = new Date(Date.now() + config.CHECKOUT_HOLD * 1000)
    if (active?.status === 'pending_payment' && active.payment_id && active.payment_status === 'pending') {
      return {
        paymentId: active.payment_id,
        registrationId: active.id,
        existingSessionId: active.stripe_checkout_session_id,
        holdExpiresAt,
      }
    }
    if (active && !(active.status === 'waitlisted' && active.holds_seat))
      throw new ConflictError('You are already registered for this event.')
    if (!active) await assertNoOverlap(req, event, user.id)
    const payment = await createPayment(req, user, event, method)
    const registrationId = active
      ? await convertOffer(req, active.id, payment.id, holdExpiresAt)
      : await createHold(req, user, event, payment.id, holdExpiresAt)
    await db.execute(sql`UPDATE payments SET registration_id = ${registrationId} WHERE id = ${payment.id}`)
    if (!active) await takeSeatOrFail(req, event.id)
    return { paymentId: payment.id, registrationId, existingSessionId: null, holdExpiresAt }
  })
}

async function createPayment(req: PayloadRequest, user: User, event: Event, method: PaymentMethod): Promise<Pick<PaymentRow, 'id'>> {
  return req.payload.create({
    collection: 'payments',
    // overrideAccess: payments are written only by the payments domain; amount and currency come from the event.
    overrideAccess: true,
    req,
    depth: 0,
    data: { user: user.id, amount_cents: event.price_cents, currency: event.currency, payment_method: method, status: 'pending' },
  })
}

async function createHold(req: PayloadRequest, user: User, event: Event, paymentId: number, holdExpiresAt: Date): Promise<number> {
  const registration = await createRegistration(req, event.id, user.id, {
    status: 'pending_payment',
    payment: paymentId,
    payment_status: 'pending',
    holds_seat: true,
    hold_expires_at: holdExpiresAt.toISOString(),
  })
  return registration.id
}

async function convertOffer(req: PayloadRequest, registrationId: number, paymentId: number, holdExpiresAt: Date): Promise<number> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE registrations SET status = 'pending_payment', payment_id = ${paymentId}, payment_status = 'pending', hold_expires_at = ${holdExpiresAt},
      offer_expires_at = NULL, claim_token_hash = NULL, updated_at = now()
    WHERE id = ${registrationId}`)
  return registrationId
}
