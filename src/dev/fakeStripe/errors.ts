/** Stripe's error types (the `error.type` of an error response). */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error'

export type StripeErrorBody = {
  type: StripeErrorType
  message: string
  param?: string
  code?: string
  decline_code?: string
  payment_intent?: unknown
  charge?: string
}

/** Thrown by route handlers; the router turns it into Stripe's `{ error: { … } }` JSON with `status`. */
export class StripeApiError extends Error {
  readonly status: number
  readonly body: StripeErrorBody

  constructor(status: number, body: StripeErrorBody) {
    super(body.message)
    this.status = status
    this.body = body
  }
}

export function invalidRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) })
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing')
}

/** Stripe answers an unknown id in the URL with 404, and an unknown id in a parameter with 400. */
export function noSuch(objectName: string, id: string, param = 'id'): StripeApiError {
  const status = param === 'id' ? 404 : 400
  return new StripeApiError(status, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${objectName}: '${id}'`,
    param,
  })
}
