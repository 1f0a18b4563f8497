import { createLocalReq, type Payload } from 'payload'
import type Stripe from 'stripe'
import { HANDLED_EVENTS, handleStripeEvent } from '../domain/payments/handleStripeEvent.ts'
import { stripe } from '../lib/stripe.ts'

/** How far back reconciliation looks (Stripe keeps events for 30 days). */
export const RECONCILE_WINDOW_SECONDS = 3 * 86400

export type Reconciliation = { seen: number; repaired: number }

/**
 * Repairs missed webhooks: lists recent events of the handled types from Stripe and runs each through the
 * same idempotent handler. Events already applied are skipped by their id; the rest are applied now.
 */
export async function reconcileStripe(payload: Payload, now: Date): Promise<Reconciliation> {
  const since = Math.floor(now.getTime() / 1000) - RECONCILE_WINDOW_SECONDS
  let seen = 0
  let repaired = 0
  const events = stripe().events.list({ types: [...new Set(HANDLED_EVENTS)], created: { gte: since }, limit: 100 })
  const oldestFirst: Stripe.Event[] = []
  for await (const event of events) oldestFirst.unshift(event)
  for (const event of oldestFirst) {
    seen++
    const outcome = await handleStripeEvent(await createLocalReq({}, payload), event)
    if (!outcome.duplicate) repaired++
  }
  return { seen, repaired }
}
