import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { paymentStatusesBefore, type PaymentStatus } from './paymentTransitions.ts'

/** What the webhook effects need of a locked payment. */
export type PaymentRow = { id: number; user_id: number; stripe_payment_intent_id: string | null }

/** The payment, row-locked for the rest of the transaction (webhook effects on one payment take turns). */
export async function lockPayment(req: PayloadRequest, where: { id: number } | { paymentIntentId: string }): Promise<PaymentRow | null> {
  const db = await txDb(req)
  const condition = 'id' in where ? sql`id = ${where.id}` : sql`stripe_payment_intent_id = ${where.paymentIntentId}`
  const found = await db.execute(sql`SELECT id, user_id, stripe_payment_intent_id FROM payments WHERE ${condition} FOR UPDATE`)
  return (found.rows[0] as PaymentRow | undefined) ?? null
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
    WHERE id = ${paymentId} AND status IN (${sql.join(
      from.map((status) => sql`${status}`),
      sql`, `,
    )})`)
  return (result.rowCount ?? 0) > 0
}
