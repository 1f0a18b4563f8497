/** The subset of Stripe's object shapes that the fake produces (field names and meanings as Stripe's). */
export type Metadata = Record<string, string>

type Base<Name extends string> = { id: string; object: Name; created: number; livemode: false }

export type StripeList<T> = { object: 'list'; data: T[]; has_more: boolean; url: string }

export type Product = Base<'product'> & { name: string; active: boolean; metadata: Metadata }

export type Recurring = { interval: 'day' | 'week' | 'month' | 'year'; interval_count: number }

export type Price = Base<'price'> & {
  active: boolean
  currency: string
  unit_amount: number
  product: string
  recurring: Recurring | null
  type: 'one_time' | 'recurring'
  metadata: Metadata
}

export type LineItem = {
  id: string
  object: 'item'
  description: string
  quantity: number
  currency: string
  amount_subtotal: number
  amount_total: number
  price: Price
}

export type CheckoutSession = Base<'checkout.session'> & {
  url: string | null
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  mode: 'payment' | 'subscription'
  amount_subtotal: number
  amount_total: number
  currency: string
  metadata: Metadata
  client_reference_id: string | null
  customer: string | null
  customer_email: string | null
  customer_details: { email: string | null; name: string | null } | null
  payment_intent: string | null
  subscription: string | null
  invoice: string | null
  expires_at: number
  success_url: string | null
  cancel_url: string | null
  /** What the client asked for (API 2026-10-28 clients send `allowed_payment_method_types`); null when not given. */
  allowed_payment_method_types: string[] | null
  payment_method_types: string[]
  payment_method_options: Record<string, unknown>
}

export type PaymentError = {
  type: 'card_error'
  code: 'card_declined'
  decline_code: 'generic_decline'
  message: string
  payment_method: { id: string } | null
}

export type PaymentIntentStatus =
  'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'succeeded' | 'canceled'

export type PaymentIntent = Base<'payment_intent'> & {
  amount: number
  amount_received: number
  currency: string
  status: PaymentIntentStatus
  client_secret: string
  payment_method: string | null
  allowed_payment_method_types: string[] | null
  payment_method_types: string[]
  automatic_payment_methods: { enabled: boolean } | null
  customer: string | null
  description: string | null
  metadata: Metadata
  latest_charge: string | null
  last_payment_error: PaymentError | null
  next_action: { type: 'use_stripe_sdk'; use_stripe_sdk: { type: string } } | null
  return_url: string | null
}

export type Charge = Base<'charge'> & {
  amount: number
  amount_captured: number
  amount_refunded: number
  currency: string
  paid: boolean
  refunded: boolean
  status: 'succeeded'
  payment_intent: string
  payment_method: string | null
  customer: string | null
  metadata: Metadata
}

export type Customer = Base<'customer'> & {
  email: string | null
  name: string | null
  metadata: Metadata
  invoice_settings: { default_payment_method: string | null }
}

export type PaymentMethod = Base<'payment_method'> & {
  type: string
  customer: string | null
  card: { brand: string; last4: string; exp_month: number; exp_year: number } | null
}

export type SubscriptionItem = {
  id: string
  object: 'subscription_item'
  created: number
  subscription: string
  price: Price
  quantity: number
  current_period_start: number
  current_period_end: number
}

export type SubscriptionStatus = 'incomplete' | 'active' | 'canceled'

export type Subscription = Base<'subscription'> & {
  status: SubscriptionStatus
  customer: string
  currency: string
  items: StripeList<SubscriptionItem>
  // Stripe moved the period to the items in API 2025-03-31.basil; kept here too for older readers.
  current_period_start: number
  current_period_end: number
  start_date: number
  cancel_at_period_end: boolean
  cancel_at: number | null
  canceled_at: number | null
  ended_at: number | null
  collection_method: 'charge_automatically'
  default_payment_method: string | null
  latest_invoice: string | null
  metadata: Metadata
}

export type InvoiceLine = {
  id: string
  object: 'line_item'
  amount: number
  currency: string
  description: string
  quantity: number
  price: Price
  period: { start: number; end: number }
}

export type Invoice = Base<'invoice'> & {
  number: string
  customer: string
  customer_email: string | null
  subscription: string | null
  parent: { type: 'subscription_details'; subscription_details: { subscription: string; metadata: Metadata } } | null
  billing_reason: 'subscription_create' | 'manual'
  amount_due: number
  amount_paid: number
  amount_remaining: number
  currency: string
  status: 'open' | 'paid'
  status_transitions: { finalized_at: number; paid_at: number | null }
  period_start: number
  period_end: number
  // Gone from Stripe's invoices since API 2025-03-31.basil (replaced by the expandable `confirmation_secret`,
  // see expand.ts); kept because older integrations expand `latest_invoice.payment_intent`.
  payment_intent: string | null
  invoice_pdf: string
  hosted_invoice_url: string
  lines: StripeList<InvoiceLine>
  metadata: Metadata
}

export type Refund = Base<'refund'> & {
  amount: number
  currency: string
  payment_intent: string
  charge: string
  status: 'succeeded'
  reason: string | null
  metadata: Metadata
}

export type StripeEventLike = {
  id: string
  object: 'event'
  api_version: string
  created: number
  type: string
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> }
}
