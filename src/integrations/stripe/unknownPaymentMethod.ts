import Stripe from 'stripe'
import { RequestValidationError } from '../../lib/errors.ts'

/** True when Stripe refused a request because the payment method id the client sent does not exist. */
export function isUnknownPaymentMethod(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing'
}

/** The client's 400 for a payment method id Stripe does not know. */
export function unknownPaymentMethodError(): RequestValidationError {
  return new RequestValidationError({ payment_method_id: ['No such payment method.'] })
}
