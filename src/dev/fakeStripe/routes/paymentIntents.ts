import { findCustomer } from '../customers.ts'
import { invalidRequest } from '../errors.ts'
import { listPage, whereParam } from '../list.ts'
import {
  optionalBoolean,
  optionalMetadata,
  optionalRecord,
  optionalString,
  requiredInteger,
  requiredString,
  stringArray,
} from '../params.ts'
import { cardDeclined, confirmPaymentIntent, createPaymentIntent, findPaymentIntent, paymentMethodFor } from '../payments.ts'
import { route, type Route, type RouteContext } from '../router.ts'
import { newestFirst } from '../store.ts'
import type { PaymentIntent } from '../types.ts'

const EVENT_FOR_OUTCOME = {
  succeeded: 'payment_intent.succeeded',
  requires_action: 'payment_intent.requires_action',
  declined: 'payment_intent.payment_failed',
}

/** Confirms with the given (or already set) payment method; a decline answers 402 like Stripe, with the intent in the error. */
function confirm({ store, emit }: RouteContext, intent: PaymentIntent, paymentMethod: string | undefined): PaymentIntent {
  const method = paymentMethod ?? intent.payment_method
  if (!method) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      'payment_method',
    )
  }
  paymentMethodFor(store, method, 'payment_method')
  const outcome = confirmPaymentIntent(store, intent, method)
  emit(EVENT_FOR_OUTCOME[outcome], intent)
  if (outcome === 'declined') throw cardDeclined(intent)
  return intent
}

function create(context: RouteContext): PaymentIntent {
  const { params, store } = context
  const amount = requiredInteger(params, 'amount')
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', 'amount')
  const currency = requiredString(params, 'currency').toLowerCase()
  const customer = optionalString(params, 'customer')
  if (customer) findCustomer(store, customer, 'customer')
  const paymentMethod = optionalString(params, 'payment_method')
  if (paymentMethod) paymentMethodFor(store, paymentMethod, 'payment_method')
  const automatic = optionalBoolean(
    optionalRecord(params, 'automatic_payment_methods') ?? {},
    'enabled',
    'automatic_payment_methods[enabled]',
  )
  const intent = createPaymentIntent(store, {
    amount,
    currency,
    customer,
    paymentMethod,
    metadata: optionalMetadata(params),
    description: optionalString(params, 'description'),
    paymentMethodTypes: stringArray(params, 'payment_method_types'),
    allowedPaymentMethodTypes: stringArray(params, 'allowed_payment_method_types'),
    automaticPaymentMethods: automatic,
    returnUrl: optionalString(params, 'return_url'),
  })
  return optionalBoolean(params, 'confirm') ? confirm(context, intent, paymentMethod) : intent
}

export const paymentIntentRoutes: Route[] = [
  route('POST', '/v1/payment_intents', create),

  route('GET', '/v1/payment_intents', ({ params, store }) =>
    listPage(whereParam(newestFirst(store.paymentIntents), params, 'customer'), params, '/v1/payment_intents'),
  ),

  route('GET', '/v1/payment_intents/:id', ({ path, store }) => findPaymentIntent(store, path[0])),

  route('POST', '/v1/payment_intents/:id/confirm', (context) => {
    const intent = findPaymentIntent(context.store, context.path[0])
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status)) {
      throw invalidRequest(
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
        undefined,
        'payment_intent_unexpected_state',
      )
    }
    const returnUrl = optionalString(context.params, 'return_url')
    if (returnUrl) intent.return_url = returnUrl
    return confirm(context, intent, optionalString(context.params, 'payment_method'))
  }),
]
