import { APIError } from 'payload'

export type FieldErrors = Record<string, string[]>
/** Most details are a sentence; a few documented bodies carry an object (spec 000's 402). */
export type ErrorDetail = string | Record<string, unknown>

/**
 * The one error hierarchy. It extends Payload's APIError, so an AppError thrown from a hook or an access
 * function also gets its status on auto REST and GraphQL; `toAppError` maps everything else.
 */
export class AppError extends APIError {
  readonly detail: ErrorDetail
  readonly fields: FieldErrors | undefined

  constructor(detail: ErrorDetail, status: number, fields?: FieldErrors) {
    super(typeof detail === 'string' ? detail : String(detail.message ?? 'Error'), status, null, true)
    this.detail = detail
    this.fields = fields
  }
}

export class RequestValidationError extends AppError {
  constructor(fields: FieldErrors, detail = 'Validation failed') {
    super(detail, 400, fields)
  }
}

export class BadRequestError extends AppError {
  constructor(detail: ErrorDetail = 'Bad request') {
    super(detail, 400)
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail: ErrorDetail = 'Authentication credentials were not provided.') {
    super(detail, 401)
  }
}

export class PaymentRequiredError extends AppError {
  constructor(detail: ErrorDetail) {
    super(detail, 402)
  }
}

export class ForbiddenError extends AppError {
  constructor(detail: ErrorDetail = 'You do not have permission to perform this action.') {
    super(detail, 403)
  }
}

export class NotFoundError extends AppError {
  constructor(detail: ErrorDetail = 'Not found') {
    super(detail, 404)
  }
}

export class ConflictError extends AppError {
  constructor(detail: ErrorDetail) {
    super(detail, 409)
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail: ErrorDetail = 'Request body is too large') {
    super(detail, 413)
  }
}

export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number, detail: ErrorDetail = 'Too many requests. Try again later.') {
    super(detail, 429)
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds))
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail: ErrorDetail = 'Service unavailable') {
    super(detail, 503)
  }
}

export class InternalServerError extends AppError {
  constructor() {
    super('Internal server error', 500)
  }
}
