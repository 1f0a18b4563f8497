import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow, sqlList } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { paymentStatusesBefore } from './paymentTransitions.ts'
import type { PaymentMethod, PaymentStatus } from './statuses.ts'
import type { Event, User } from '../../payload-types.ts'

/** What the webhook effects need of a locked payment. */
export type PaymentRow = { id: number; user_id: number; stripe_payment_intent_id: string | null }

/** The payment, row-locked for the rest of the transaction (webhook effects on one payment take turns). */
export async function lockPayment(req: PayloadRequest, where: { id: number } | { paymentIntentId: string }): Promise<PaymentRow | null> {
  const db = await txDb(req)
  const condition = 'id' in where ? sql`id = ${where.id}` : sql`stripe_payment_intent_id = ${where.paymentIntentId}`
  const found = await db.execute(sql`SELECT id, user_id, stripe_payment_intent_id FROM payments WHERE ${condition} FOR UPDATE`)
  return firstRow<PaymentRow>(found) ?? null
}

/**
 * Moves a payment to `to` only from a status that may precede it (state moves forward), setting the
 * given columns. Returns whether it moved.
 */
export async function movePayment(
  req: PayloadRequest,
  paymentId: number,
  to: PaymentStatus,
  set: { failure_reason?: string | null; stripe_payment_intent_id?: string | null; stripe_refund_id?: string | null } = {},
): Promise<boolean> {
  const db = await txDb(req)
  const from = paymentStatusesBefore(to)
  const result = await db.execute(sql`
    UPDATE payments SET status = ${to}, updated_at = now(),
      failure_reason = CASE WHEN ${to} = 'failed' THEN ${set.failure_reason ?? null} ELSE failure_reason END,
      stripe_payment_intent_id = COALESCE(${set.stripe_payment_intent_id ?? null}, stripe_payment_intent_id),
      stripe_refund_id = COALESCE(${set.stripe_refund_id ?? null}, stripe_refund_id),
      paid_at = CASE WHEN ${to} = 'succeeded' THEN now() ELSE paid_at END,
      refunded_at = CASE WHEN ${to} = 'refunded' THEN now() ELSE refunded_at END
    WHERE id = ${paymentId} AND status IN ${sqlList(from)}`)
  return (result.rowCount ?? 0) > 0
}

/** A pending payment for a seat, at the event's price and currency (never the client's). */
export async function insertPayment(req: PayloadRequest, user: User, event: Event, method: PaymentMethod): Promise<{ id: number }> {
  return req.payload.create({
    collection: 'payments',
    // overrideAccess: payments are written only by the payments domain; amount and currency come from the event.
    overrideAccess: true,
    req,
    depth: 0,
    data: { user: user.id, amount_cents: event.price_cents, currency: event.currency, payment_method: method, status: 'pending' },
  })
}

/** A pending payment's status and Checkout Session, row-locked (a retried checkout reuses it). */
export async function pendingPaymentOf(req: PayloadRequest, paymentId: number): Promise<{ sessionId: string | null } | null> {
  const db = await txDb(req)
  const row = firstRow<{ status: string; stripe_checkout_session_id: string | null }>(
    await db.execute(sql`SELECT status, stripe_checkout_session_id FROM payments WHERE id = ${paymentId} FOR UPDATE`),
  )
  return row?.status === 'pending' ? { sessionId: row.stripe_checkout_session_id } : null
}

/** Stripe's ids and the registration a payment pays for, as they become known. */
export async function setPaymentLinks(
  req: PayloadRequest,
  paymentId: number,
  links: { registration_id?: number; stripe_checkout_session_id?: string; stripe_payment_intent_id?: string },
): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE payments SET updated_at = now(),
      registration_id = COALESCE(${links.registration_id ?? null}, registration_id),
      stripe_checkout_session_id = COALESCE(${links.stripe_checkout_session_id ?? null}, stripe_checkout_session_id),
      stripe_payment_intent_id = COALESCE(${links.stripe_payment_intent_id ?? null}, stripe_payment_intent_id)
    WHERE id = ${paymentId}`)
}
