import { createLocalReq, type Payload } from 'payload'
import type Stripe from 'stripe'
import { HANDLED_EVENTS, handleStripeEvent, recordedEventIds } from './handleStripeEvent.ts'
import { stripe } from '../../integrations/stripe/client.ts'

/** How far back reconciliation looks (Stripe keeps events for 30 days). */
const RECONCILE_WINDOW_SECONDS = 3 * 86400

export type Reconciliation = { seen: number; repaired: number }

/**
 * Repairs missed webhooks: lists recent events of the handled types from Stripe and runs each through the
 * same idempotent handler (Stripe lists newest first; they are applied oldest first).
 */
export async function reconcileStripe(payload: Payload, now: Date): Promise<Reconciliation> {
  const since = Math.floor(now.getTime() / 1000) - RECONCILE_WINDOW_SECONDS
  const events: Stripe.Event[] = []
  for await (const event of stripe().events.list({ types: HANDLED_EVENTS, created: { gte: since }, limit: 100 })) events.push(event)
  // One query skips everything the webhooks already applied; only the rest open a transaction.
  const recorded = await recordedEventIds(
    payload,
    events.map((event) => event.id),
  )
  let repaired = 0
  for (const event of events.reverse().filter((candidate) => !recorded.has(candidate.id))) {
    const outcome = await handleStripeEvent(await createLocalReq({}, payload), event)
    if (!outcome.duplicate) repaired++
  }
  return { seen: events.length, repaired }
}
