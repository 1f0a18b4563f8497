import { startSubscription } from '../billing.ts'
import { createPriceFromParams, findPrice } from '../catalog.ts'
import { findCustomer } from '../customers.ts'
import { invalidRequest, missingParam } from '../errors.ts'
import { nowSeconds } from '../ids.ts'
import { listPage, whereParam } from '../list.ts'
import {
  isRecord,
  mergeMetadata,
  oneOf,
  optionalArray,
  optionalBoolean,
  optionalInteger,
  optionalMetadata,
  optionalRecord,
  optionalString,
  requiredString,
} from '../params.ts'
import type { Params } from '../params.ts'
import { cardDeclined, cardOutcome, createPaymentIntent, declinePaymentIntent, paymentMethodFor } from '../payments.ts'
import { route, type Route, type RouteContext } from '../router.ts'
import { getOrThrow, newestFirst, type FakeStore } from '../store.ts'
import type { Price, Subscription } from '../types.ts'

const PAYMENT_BEHAVIORS = ['allow_incomplete', 'default_incomplete', 'error_if_incomplete', 'pending_if_incomplete'] as const

const NO_PAYMENT_METHOD =
  'This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.'

function findSubscription(store: FakeStore, id: string): Subscription {
  return getOrThrow(store.subscriptions, 'subscription', id)
}

/** The first entry of `items[]` (the fake bills one price per subscription). */
function firstItem(store: FakeStore, params: Params): { price: Price; quantity: number } {
  const [item] = optionalArray(params, 'items') ?? []
  if (!isRecord(item)) throw missingParam('items')
  const priceId = optionalString(item, 'price', 'items[0][price]')
  const priceData = optionalRecord(item, 'price_data', 'items[0][price_data]')
  if (!priceId && !priceData) throw missingParam('items[0][price]')
  const price = priceId
    ? findPrice(store, priceId, 'items[0][price]')
    : createPriceFromParams(store, priceData ?? {}, 'items[0][price_data]')
  if (!price.recurring) {
    throw invalidRequest(
      'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
      'items[0][price]',
    )
  }
  const quantity = optionalInteger(item, 'quantity', 'items[0][quantity]') ?? 1
  return { price, quantity }
}

function create({ params, store, baseUrl, emit }: RouteContext): Subscription {
  const customer = findCustomer(store, requiredString(params, 'customer'), 'customer')
  const { price, quantity } = firstItem(store, params)
  const behavior = oneOf(params, 'payment_behavior', PAYMENT_BEHAVIORS) ?? 'allow_incomplete'
  const explicitMethod = optionalString(params, 'default_payment_method')
  if (explicitMethod) paymentMethodFor(store, explicitMethod, 'default_payment_method')
  const paymentMethod = explicitMethod ?? customer.invoice_settings.default_payment_method
  const deferPayment = behavior === 'default_incomplete'
  if (!deferPayment && !paymentMethod) throw invalidRequest(NO_PAYMENT_METHOD, undefined, 'resource_missing')
  if (behavior === 'error_if_incomplete' && paymentMethod && cardOutcome(paymentMethod) === 'declined') {
    // Stripe creates nothing but answers with the declined first payment.
    const intent = createPaymentIntent(store, {
      amount: price.unit_amount * quantity,
      currency: price.currency,
      customer: customer.id,
      paymentMethod,
    })
    declinePaymentIntent(intent)
    throw cardDeclined(intent)
  }
  const metadata = optionalMetadata(params) ?? {}
  const { subscription, invoice } = startSubscription(store, baseUrl, { customer, price, quantity, metadata, paymentMethod, deferPayment })
  subscription.default_payment_method = explicitMethod ?? null
  if (optionalBoolean(params, 'cancel_at_period_end'))
    Object.assign(subscription, { cancel_at_period_end: true, cancel_at: subscription.current_period_end })
  emit('customer.subscription.created', subscription)
  if (invoice.status === 'paid') emit('invoice.paid', invoice)
  return subscription
}

/** Applies the updatable fields and returns their previous values (Stripe's `previous_attributes`). */
function applyUpdate(store: FakeStore, subscription: Subscription, params: Params): Record<string, unknown> {
  const previous: Record<string, unknown> = {}
  const paymentMethod = optionalString(params, 'default_payment_method')
  if (paymentMethod) paymentMethodFor(store, paymentMethod, 'default_payment_method')
  const cancelAtPeriodEnd = optionalBoolean(params, 'cancel_at_period_end')
  if (cancelAtPeriodEnd !== undefined && subscription.status === 'canceled') {
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.', 'cancel_at_period_end')
  }
  if (cancelAtPeriodEnd !== undefined && cancelAtPeriodEnd !== subscription.cancel_at_period_end) {
    const { cancel_at_period_end, cancel_at, canceled_at } = subscription
    Object.assign(previous, { cancel_at_period_end, cancel_at, canceled_at })
    subscription.cancel_at_period_end = cancelAtPeriodEnd
    subscription.cancel_at = cancelAtPeriodEnd ? subscription.current_period_end : null
    subscription.canceled_at = cancelAtPeriodEnd ? nowSeconds() : null
  }
  const metadata = mergeMetadata(subscription.metadata, params)
  if (JSON.stringify(metadata) !== JSON.stringify(subscription.metadata)) {
    previous.metadata = subscription.metadata
    subscription.metadata = metadata
  }
  if (paymentMethod && paymentMethod !== subscription.default_payment_method) {
    previous.default_payment_method = subscription.default_payment_method
    subscription.default_payment_method = paymentMethod
  }
  return previous
}

export const subscriptionRoutes: Route[] = [
  route('POST', '/v1/subscriptions', create),

  route('GET', '/v1/subscriptions', ({ params, store }) => {
    const status = optionalString(params, 'status')
    // Stripe leaves canceled subscriptions out unless asked for them (or for `all`).
    const subscriptions = newestFirst(store.subscriptions).filter((sub) =>
      status === undefined ? sub.status !== 'canceled' : status === 'all' || sub.status === status,
    )
    return listPage(whereParam(subscriptions, params, 'customer'), params, '/v1/subscriptions')
  }),

  route('GET', '/v1/subscriptions/:id', ({ path, store }) => findSubscription(store, path[0])),

  route('POST', '/v1/subscriptions/:id', ({ params, path, store, emit }) => {
    const subscription = findSubscription(store, path[0])
    const previous = applyUpdate(store, subscription, params)
    if (Object.keys(previous).length > 0) emit('customer.subscription.updated', subscription, previous)
    return subscription
  }),

  route('DELETE', '/v1/subscriptions/:id', ({ path, store, emit }) => {
    const subscription = findSubscription(store, path[0])
    if (subscription.status === 'canceled')
      throw invalidRequest('This subscription has already been canceled.', undefined, 'resource_missing')
    const now = nowSeconds()
    Object.assign(subscription, { status: 'canceled', canceled_at: now, ended_at: now })
    emit('customer.subscription.deleted', subscription)
    return subscription
  }),
]
