import { markInvoicePaid } from './billing.ts'
import type { EventBus } from './events.ts'
import { newId } from './ids.ts'
import { declinePaymentIntent, paymentMethodFor, succeedPaymentIntent } from './payments.ts'
import type { FakeStore } from './store.ts'
import type { Invoice, PaymentIntent, StripeEventLike } from './types.ts'

export type CompleteOptions = { deliver?: boolean; fail?: boolean }

const WAITING = ['requires_action', 'requires_confirmation', 'requires_payment_method', 'processing']

/**
 * What the customer does in the browser with a client secret: finishes 3-D Secure for an intent in
 * `requires_action`, or pays an incomplete subscription's first invoice. Success fires
 * payment_intent.succeeded (and, for an invoice, invoice.paid and customer.subscription.updated to active);
 * `fail: true` fires payment_intent.payment_failed (and invoice.payment_failed).
 */
export async function completePaymentIntent(
  store: FakeStore,
  bus: EventBus,
  intentId: string,
  options: CompleteOptions = {},
): Promise<StripeEventLike[]> {
  const intent = store.paymentIntents.get(intentId)
  if (!intent) throw new Error(`fake Stripe: no payment intent ${intentId}`)
  if (!WAITING.includes(intent.status)) throw new Error(`fake Stripe: payment intent ${intentId} is ${intent.status}, nothing to complete`)
  const invoice = [...store.invoices.values()].find((candidate) => candidate.payment_intent === intent.id)
  const events = options.fail ? fail(bus, intent, invoice) : succeed(store, bus, intent, invoice)
  if (options.deliver !== false) await bus.enqueue(events)
  return events
}

function succeed(store: FakeStore, bus: EventBus, intent: PaymentIntent, invoice: Invoice | undefined): StripeEventLike[] {
  intent.payment_method ??= paymentMethodFor(store, newId('pm'), 'payment_method').id
  succeedPaymentIntent(store, intent)
  const events = [bus.record('payment_intent.succeeded', intent)]
  if (!invoice) return events
  markInvoicePaid(invoice)
  events.push(bus.record('invoice.paid', invoice))
  const subscription = invoice.subscription ? store.subscriptions.get(invoice.subscription) : undefined
  if (subscription && subscription.status === 'incomplete') {
    subscription.status = 'active'
    events.push(bus.record('customer.subscription.updated', subscription, { previousAttributes: { status: 'incomplete' } }))
  }
  return events
}

function fail(bus: EventBus, intent: PaymentIntent, invoice: Invoice | undefined): StripeEventLike[] {
  declinePaymentIntent(intent)
  const events = [bus.record('payment_intent.payment_failed', intent)]
  if (invoice) events.push(bus.record('invoice.payment_failed', invoice))
  return events
}
