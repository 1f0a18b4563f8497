import { productName } from './catalog.ts'
import { newId, nowSeconds } from './ids.ts'
import { confirmPaymentIntent, createPaymentIntent } from './payments.ts'
import type { FakeStore } from './store.ts'
import type { Customer, Invoice, Metadata, Price, Recurring, Subscription, SubscriptionItem } from './types.ts'

const DAYS: Record<Recurring['interval'], number> = { day: 1, week: 7, month: 30, year: 365 }

/** End of the first billing period (months are 30 days and years 365 here; Stripe uses calendar months). */
function periodEnd(start: number, recurring: Recurring | null): number {
  const interval = recurring ?? { interval: 'month', interval_count: 1 }
  return start + DAYS[interval.interval] * interval.interval_count * 86_400
}

export type SubscriptionInput = {
  customer: Customer
  price: Price
  quantity: number
  metadata: Metadata
  paymentMethod: string | null
  /** `default_incomplete`: leave the first invoice's PaymentIntent for the client to confirm. */
  deferPayment: boolean
}

export type StartedSubscription = { subscription: Subscription; invoice: Invoice }

/**
 * A subscription with its first invoice and that invoice's PaymentIntent. Paying now with a working card
 * makes it `active` with a `paid` invoice; otherwise it stays `incomplete` with an `open` invoice.
 */
export function startSubscription(store: FakeStore, baseUrl: string, input: SubscriptionInput): StartedSubscription {
  const start = nowSeconds()
  const subscription = newSubscription(input, start)
  const invoice = newInvoice(store, baseUrl, subscription, input)
  const intent = createPaymentIntent(store, {
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer: subscription.customer,
    paymentMethod: input.paymentMethod,
    description: 'Subscription creation',
    metadata: {},
  })
  invoice.payment_intent = intent.id
  subscription.latest_invoice = invoice.id
  const outcome = input.deferPayment || !input.paymentMethod ? 'deferred' : confirmPaymentIntent(store, intent, input.paymentMethod)
  if (outcome === 'succeeded') {
    subscription.status = 'active'
    markInvoicePaid(invoice)
  }
  store.subscriptions.set(subscription.id, subscription)
  store.invoices.set(invoice.id, invoice)
  return { subscription, invoice }
}

export function markInvoicePaid(invoice: Invoice): void {
  Object.assign(invoice, { status: 'paid', amount_paid: invoice.amount_due, amount_remaining: 0 })
  invoice.status_transitions.paid_at = nowSeconds()
}

function newSubscription(input: SubscriptionInput, start: number): Subscription {
  const id = newId('sub')
  const end = periodEnd(start, input.price.recurring)
  const item: SubscriptionItem = {
    id: newId('si', 14),
    object: 'subscription_item',
    created: start,
    subscription: id,
    price: structuredClone(input.price),
    quantity: input.quantity,
    current_period_start: start,
    current_period_end: end,
  }
  return {
    id,
    object: 'subscription',
    created: start,
    livemode: false,
    status: 'incomplete',
    customer: input.customer.id,
    currency: input.price.currency,
    items: { object: 'list', data: [item], has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    current_period_start: start,
    current_period_end: end,
    start_date: start,
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    collection_method: 'charge_automatically',
    default_payment_method: input.paymentMethod,
    latest_invoice: null,
    metadata: input.metadata,
  }
}

function newInvoice(store: FakeStore, baseUrl: string, subscription: Subscription, input: SubscriptionInput): Invoice {
  const id = newId('in')
  const amount = input.price.unit_amount * input.quantity
  const { current_period_start: start, current_period_end: end } = subscription
  return {
    id,
    object: 'invoice',
    created: start,
    livemode: false,
    number: `FAKE-${String(store.invoices.size + 1).padStart(4, '0')}`,
    customer: subscription.customer,
    customer_email: input.customer.email,
    subscription: subscription.id,
    parent: {
      type: 'subscription_details',
      subscription_details: { subscription: subscription.id, metadata: { ...subscription.metadata } },
    },
    billing_reason: 'subscription_create',
    amount_due: amount,
    amount_paid: 0,
    amount_remaining: amount,
    currency: input.price.currency,
    status: 'open',
    status_transitions: { finalized_at: start, paid_at: null },
    period_start: start,
    period_end: end,
    payment_intent: null,
    invoice_pdf: `${baseUrl}/invoices/${id}.pdf`,
    hosted_invoice_url: `${baseUrl}/invoices/${id}`,
    lines: {
      object: 'list',
      data: [
        {
          id: newId('il', 14),
          object: 'line_item',
          amount,
          currency: input.price.currency,
          description: `${input.quantity} × ${productName(store, input.price)}`,
          quantity: input.quantity,
          price: structuredClone(input.price),
          period: { start, end },
        },
      ],
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
    },
    metadata: {},
  }
}
