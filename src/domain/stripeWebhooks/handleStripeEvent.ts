import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { poolOf } from '../../lib/db/pool.ts'
import { logger } from '../../lib/logger.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { prepareBillingEvent, applyBillingEvent, BILLING_EVENTS } from '../billing/billingEvents.ts'
import { applyPaymentEvent, PAYMENT_EVENTS } from '../payments/paymentEvents.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { applySessionPaymentEvent, SESSION_PAYMENT_EVENTS } from '../sessions/sessionPaymentEvents.ts'

/** Every event type the platform acts on (reconciliation replays exactly these), each once. */
export const HANDLED_EVENTS: string[] = [...new Set<string>([...PAYMENT_EVENTS, ...BILLING_EVENTS, ...SESSION_PAYMENT_EVENTS])]

export type EventOutcome = { duplicate: boolean; handled: boolean }

/**
 * Applies a Stripe event exactly once. Its id is inserted into stripe-events in the transaction that applies
 * it: a replay (or a concurrent duplicate, which waits on the unique index) inserts nothing and changes
 * nothing. If applying fails, the whole transaction rolls back and Stripe's retry will try again.
 */
export async function handleStripeEvent(req: PayloadRequest, event: Stripe.Event): Promise<EventOutcome> {
  const handled = HANDLED_EVENTS.includes(event.type)
  // A replay is answered before any Stripe read; the unique index below still settles concurrent duplicates.
  if ((await recordedEventIds(req.payload, [event.id])).has(event.id)) return { duplicate: true, handled }
  const prepared = handled ? await prepareBillingEvent(event) : undefined
  return withTransaction(req, async () => {
    const db = await txDb(req)
    const inserted = await db.execute(sql`
      INSERT INTO stripe_events (event_id, type, received_at, payload, updated_at, created_at)
      VALUES (${event.id}, ${event.type}, now(), ${JSON.stringify(event)}::jsonb, now(), now())
      ON CONFLICT (event_id) DO NOTHING RETURNING id`)
    const row = firstRow<{ id: number }>(inserted)
    if (!row) return { duplicate: true, handled }
    if (handled) {
      await applyPaymentEvent(req, event)
      await applyBillingEvent(req, event, prepared)
      await applySessionPaymentEvent(req, event)
    } else {
      logger.info({ eventId: event.id, type: event.type }, 'stripe event not handled; recorded')
    }
    await db.execute(sql`UPDATE stripe_events SET processed_at = now() WHERE id = ${row.id}`)
    return { duplicate: false, handled }
  })
}

/** Which of these Stripe event ids have already been recorded. */
export async function recordedEventIds(payload: Payload, eventIds: string[]): Promise<Set<string>> {
  const { rows } = await poolOf(payload).query<{ event_id: string }>('SELECT event_id FROM stripe_events WHERE event_id = ANY($1)', [
    eventIds,
  ])
  return new Set(rows.map((row) => row.event_id))
}
