import { createPriceFromParams, findPrice, paramName, productName } from './catalog.ts'
import { findCustomer } from './customers.ts'
import { invalidRequest, missingParam } from './errors.ts'
import { newId, nowSeconds } from './ids.ts'
import {
  isRecord,
  oneOf,
  optionalArray,
  optionalInteger,
  optionalMetadata,
  optionalRecord,
  optionalString,
  requiredInteger,
  stringArray,
  type Params,
} from './params.ts'
import type { RouteContext } from './router.ts'
import type { FakeStore } from './store.ts'
import type { CheckoutSession, LineItem } from './types.ts'

const PAYMENT_METHOD_TYPES = ['card', 'alipay', 'wechat_pay'] as const
const WECHAT_CLIENTS = ['web', 'ios', 'android'] as const
const MIN_EXPIRY = 30 * 60
const MAX_EXPIRY = 24 * 60 * 60
// A client that asks for exactly 30 minutes computes it a moment before we check it.
const EXPIRY_GRACE = 10

/** POST /v1/checkout/sessions: validates like Stripe (for the parameters the fake understands) and stores an open session. */
export function createCheckoutSession({ params, store, baseUrl }: RouteContext): CheckoutSession {
  const mode = oneOf(params, 'mode', ['payment', 'subscription'] as const)
  if (!mode) throw missingParam('mode')
  const { allowed, types: paymentMethodTypes } = readPaymentMethodTypes(params, mode)
  const paymentMethodOptions = readPaymentMethodOptions(params, paymentMethodTypes)
  const customer = optionalString(params, 'customer')
  const customerEmail = optionalString(params, 'customer_email')
  if (customer && customerEmail)
    throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', 'customer_email')
  if (customer) findCustomer(store, customer, 'customer')
  const expiresAt = readExpiresAt(params)
  const lineItems = readLineItems(params, store, mode)
  const now = nowSeconds()
  const id = newId('cs_test', 58)
  const amount = lineItems.reduce((sum, item) => sum + item.amount_total, 0)
  const session: CheckoutSession = {
    id,
    object: 'checkout.session',
    created: now,
    livemode: false,
    url: `${baseUrl}/checkout/${id}`,
    status: 'open',
    payment_status: 'unpaid',
    mode,
    amount_subtotal: amount,
    amount_total: amount,
    currency: lineItems[0].currency,
    metadata: optionalMetadata(params) ?? {},
    client_reference_id: optionalString(params, 'client_reference_id') ?? null,
    customer: customer ?? null,
    customer_email: customerEmail ?? null,
    customer_details: null,
    payment_intent: null,
    subscription: null,
    invoice: null,
    expires_at: expiresAt ?? now + MAX_EXPIRY,
    success_url: optionalString(params, 'success_url') ?? null,
    cancel_url: optionalString(params, 'cancel_url') ?? null,
    allowed_payment_method_types: allowed,
    payment_method_types: paymentMethodTypes,
    payment_method_options: paymentMethodOptions,
  }
  store.checkoutSessions.set(id, session)
  store.sessionSettings.set(id, {
    lineItems,
    subscriptionMetadata:
      optionalMetadata(optionalRecord(params, 'subscription_data') ?? {}, 'metadata', 'subscription_data[metadata]') ?? {},
    paymentIntentMetadata:
      optionalMetadata(optionalRecord(params, 'payment_intent_data') ?? {}, 'metadata', 'payment_intent_data[metadata]') ?? {},
  })
  return session
}

/**
 * The methods offered: `payment_method_types` (older API versions) or `allowed_payment_method_types` (what
 * SDK v23's types offer), minus `excluded_payment_method_types`; card when none is given.
 */
function readPaymentMethodTypes(params: Params, mode: CheckoutSession['mode']): { allowed: string[] | null; types: string[] } {
  const explicit = checkedTypes(params, 'payment_method_types')
  const allowed = checkedTypes(params, 'allowed_payment_method_types')
  if (explicit && allowed)
    throw invalidRequest(
      'You may only specify one of these parameters: payment_method_types, allowed_payment_method_types.',
      'allowed_payment_method_types',
    )
  const excluded = stringArray(params, 'excluded_payment_method_types') ?? []
  const types = (allowed ?? explicit ?? ['card']).filter((type) => !excluded.includes(type))
  if (types.length === 0)
    throw invalidRequest(
      'No payment method types are left to offer after `excluded_payment_method_types`.',
      'excluded_payment_method_types',
    )
  if (mode === 'subscription' && types.includes('wechat_pay')) {
    throw invalidRequest(
      'The payment method type `wechat_pay` cannot be used in `subscription` mode.',
      allowed ? 'allowed_payment_method_types' : 'payment_method_types',
    )
  }
  return { allowed: allowed ?? null, types }
}

function checkedTypes(params: Params, key: string): string[] | undefined {
  const types = stringArray(params, key)
  types?.forEach((type, index) => {
    if (!(PAYMENT_METHOD_TYPES as readonly string[]).includes(type)) {
      throw invalidRequest(`Invalid ${key}[${index}]: must be one of ${PAYMENT_METHOD_TYPES.join(', ')}`, `${key}[${index}]`)
    }
  })
  return types
}

function readPaymentMethodOptions(params: Params, types: string[]): Record<string, unknown> {
  const options = optionalRecord(params, 'payment_method_options') ?? {}
  if (!types.includes('wechat_pay')) return options
  const wechat = optionalRecord(options, 'wechat_pay', 'payment_method_options[wechat_pay]') ?? {}
  const client = oneOf(wechat, 'client', WECHAT_CLIENTS, 'payment_method_options[wechat_pay][client]')
  if (!client) {
    throw invalidRequest(
      'payment_method_options[wechat_pay][client] is required when `wechat_pay` is one of the payment_method_types.',
      'payment_method_options[wechat_pay][client]',
    )
  }
  return options
}

function readExpiresAt(params: Params): number | undefined {
  const expiresAt = optionalInteger(params, 'expires_at')
  if (expiresAt === undefined) return undefined
  const now = nowSeconds()
  if (expiresAt < now + MIN_EXPIRY - EXPIRY_GRACE) {
    throw invalidRequest('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at')
  }
  if (expiresAt > now + MAX_EXPIRY)
    throw invalidRequest('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at')
  return expiresAt
}

function readLineItems(params: Params, store: FakeStore, mode: CheckoutSession['mode']): LineItem[] {
  const raw = optionalArray(params, 'line_items') ?? []
  if (raw.length === 0) throw invalidRequest(`line_items is required in \`${mode}\` mode.`, 'line_items')
  const items = raw.map((entry, index) => readLineItem(store, entry, `line_items[${index}]`))
  const currencies = new Set(items.map((item) => item.currency))
  if (currencies.size > 1) throw invalidRequest('All line items must use the same currency.', 'line_items')
  const recurring = items.some((item) => item.price.recurring !== null)
  if (mode === 'payment' && recurring) {
    throw invalidRequest(
      'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      'line_items',
    )
  }
  if (mode === 'subscription' && !recurring)
    throw invalidRequest('You must provide at least one recurring price in `subscription` mode when using prices.', 'line_items')
  return items
}

function readLineItem(store: FakeStore, entry: unknown, name: string): LineItem {
  if (!isRecord(entry)) throw invalidRequest(`Invalid object: ${name} must be a hash.`, name)
  const quantity = requiredInteger(entry, 'quantity', paramName(name, 'quantity'))
  if (quantity < 1) throw invalidRequest('This value must be greater than or equal to 1.', paramName(name, 'quantity'))
  const priceId = optionalString(entry, 'price', paramName(name, 'price'))
  const priceData = optionalRecord(entry, 'price_data', paramName(name, 'price_data'))
  if (!priceId && !priceData) throw invalidRequest(`You must specify either \`price\` or \`price_data\` in ${name}.`, name)
  const price = priceId
    ? findPrice(store, priceId, paramName(name, 'price'))
    : createPriceFromParams(store, priceData ?? {}, paramName(name, 'price_data'))
  const amount = price.unit_amount * quantity
  return {
    id: newId('li'),
    object: 'item',
    description: productName(store, price),
    quantity,
    currency: price.currency,
    amount_subtotal: amount,
    amount_total: amount,
    price,
  }
}
