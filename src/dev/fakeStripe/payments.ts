import { StripeApiError, invalidRequest, noSuch } from './errors.ts'
import { newId, nowSeconds } from './ids.ts'
import { getOrThrow, type FakeStore } from './store.ts'
import type { Charge, Metadata, PaymentError, PaymentIntent, PaymentMethod } from './types.ts'

/** What confirming with a payment method does; Stripe's test ids (`pm_card_visa`, `pm_card_chargeDeclined`, …) pick it. */
export type CardOutcome = 'succeeded' | 'requires_action' | 'declined'

export function cardOutcome(paymentMethod: string): CardOutcome {
  if (/declined/i.test(paymentMethod)) return 'declined'
  if (/threeDSecure/i.test(paymentMethod)) return 'requires_action'
  return 'succeeded'
}

const DECLINE_MESSAGE = 'Your card was declined.'

/** A stored PaymentMethod, or one made up on first use for Stripe's magic test ids. */
export function paymentMethodFor(store: FakeStore, id: string, param: string, type = 'card'): PaymentMethod {
  const stored = store.paymentMethods.get(id)
  if (stored) return stored
  if (!id.startsWith('pm_')) throw noSuch('PaymentMethod', id, param)
  const last4 = { declined: '0002', requires_action: '3184', succeeded: '4242' }[cardOutcome(id)]
  const card = type === 'card' ? { brand: 'visa', last4, exp_month: 12, exp_year: new Date().getFullYear() + 3 } : null
  const method: PaymentMethod = { id, object: 'payment_method', created: nowSeconds(), livemode: false, type, customer: null, card }
  store.paymentMethods.set(id, method)
  return method
}

export type PaymentIntentInput = {
  amount: number
  currency: string
  customer?: string | null
  metadata?: Metadata
  description?: string | null
  paymentMethod?: string | null
  paymentMethodTypes?: string[]
  allowedPaymentMethodTypes?: string[]
  automaticPaymentMethods?: boolean
  returnUrl?: string | null
}

export function createPaymentIntent(store: FakeStore, input: PaymentIntentInput): PaymentIntent {
  const id = newId('pi')
  const intent: PaymentIntent = {
    id,
    object: 'payment_intent',
    created: nowSeconds(),
    livemode: false,
    amount: input.amount,
    amount_received: 0,
    currency: input.currency,
    status: input.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    client_secret: `${id}_secret_${newId('x').slice(2)}`,
    payment_method: input.paymentMethod ?? null,
    allowed_payment_method_types: input.allowedPaymentMethodTypes ?? null,
    payment_method_types: input.allowedPaymentMethodTypes ?? input.paymentMethodTypes ?? ['card'],
    automatic_payment_methods: input.automaticPaymentMethods ? { enabled: true } : null,
    customer: input.customer ?? null,
    description: input.description ?? null,
    metadata: input.metadata ?? {},
    latest_charge: null,
    last_payment_error: null,
    next_action: null,
    return_url: input.returnUrl ?? null,
  }
  store.paymentIntents.set(id, intent)
  return intent
}

/** Confirms with `paymentMethod` and applies its outcome to the intent (a declined intent is left for the caller to report). */
export function confirmPaymentIntent(store: FakeStore, intent: PaymentIntent, paymentMethod: string): CardOutcome {
  intent.payment_method = paymentMethod
  const outcome = cardOutcome(paymentMethod)
  if (outcome === 'succeeded') succeedPaymentIntent(store, intent)
  if (outcome === 'requires_action') {
    intent.status = 'requires_action'
    intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } }
  }
  if (outcome === 'declined') declinePaymentIntent(intent)
  return outcome
}

/** Marks the intent paid and creates its Charge (`latest_charge`). */
export function succeedPaymentIntent(store: FakeStore, intent: PaymentIntent): Charge {
  const charge: Charge = {
    id: newId('ch'),
    object: 'charge',
    created: nowSeconds(),
    livemode: false,
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    currency: intent.currency,
    paid: true,
    refunded: false,
    status: 'succeeded',
    payment_intent: intent.id,
    payment_method: intent.payment_method,
    customer: intent.customer,
    metadata: { ...intent.metadata },
  }
  store.charges.set(charge.id, charge)
  Object.assign(intent, {
    status: 'succeeded',
    amount_received: intent.amount,
    latest_charge: charge.id,
    next_action: null,
    last_payment_error: null,
  })
  return charge
}

export function declinePaymentIntent(intent: PaymentIntent): void {
  const error: PaymentError = {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: DECLINE_MESSAGE,
    payment_method: intent.payment_method ? { id: intent.payment_method } : null,
  }
  Object.assign(intent, { status: 'requires_payment_method', last_payment_error: error, next_action: null })
}

/** The HTTP 402 Stripe answers a declined confirmation with; the intent rides along in the error. */
export function cardDeclined(intent: PaymentIntent): StripeApiError {
  return new StripeApiError(402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: DECLINE_MESSAGE,
    payment_intent: structuredClone(intent),
  })
}

export function findPaymentIntent(store: FakeStore, id: string, param = 'id'): PaymentIntent {
  return getOrThrow(store.paymentIntents, 'payment_intent', id, param)
}

/** The charge a refund applies to: given directly, or the succeeded charge of a PaymentIntent. */
export function refundableCharge(store: FakeStore, chargeId: string | undefined, intentId: string | undefined): Charge {
  if (chargeId !== undefined) return getOrThrow(store.charges, 'charge', chargeId, 'charge')
  if (intentId === undefined)
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.')
  const intent = findPaymentIntent(store, intentId, 'payment_intent')
  const charge = intent.latest_charge ? store.charges.get(intent.latest_charge) : undefined
  if (intent.status !== 'succeeded' || !charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'payment_intent')
  }
  return charge
}
