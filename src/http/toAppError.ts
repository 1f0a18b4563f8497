import { APIError, ValidationError } from 'payload'
import Stripe from 'stripe'
import { ZodError } from 'zod'
import {
  AppError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  PayloadTooLargeError,
  PaymentRequiredError,
  RequestValidationError,
  ServiceUnavailableError,
  type FieldErrors,
} from '../lib/errors.ts'

type ParserError = { type?: string; status?: number; expose?: boolean; message?: string }
type PgError = { code?: string; constraint?: string; cause?: PgError }

/** Every thrown value becomes an AppError here, and only here. Unknown errors become a bare 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof ZodError) return new RequestValidationError(zodFieldErrors(error))
  if (error instanceof ValidationError) return fromPayloadValidation(error)
  const parser = bodyParserError(error)
  if (parser) return parser
  const database = databaseError(error)
  if (database) return database
  const payment = stripeError(error)
  if (payment) return payment
  if (error instanceof APIError && error.status >= 400 && error.status < 500) return new AppError(error.message, error.status)
  return new InternalServerError()
}

export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'non_field_errors'
    ;(fields[key] ??= []).push(issue.message)
  }
  return fields
}

function fromPayloadValidation(error: ValidationError): AppError {
  const fields: FieldErrors = {}
  for (const { path, message } of error.data.errors) (fields[path || 'non_field_errors'] ??= []).push(message)
  // Payload reports a unique-index violation as a validation error; the specs call a duplicate a conflict.
  const onlyDuplicates = error.data.errors.every(({ message }) => /must be unique|already registered/i.test(message))
  if (onlyDuplicates) return new AppError(`A record with this ${Object.keys(fields).join(', ')} already exists.`, 409, fields)
  return new RequestValidationError(fields)
}

function bodyParserError(error: unknown): AppError | undefined {
  const parser = error as ParserError | null
  if (!parser || typeof parser.type !== 'string') return undefined
  if (parser.type === 'entity.parse.failed') return new BadRequestError('Malformed JSON in request body')
  if (parser.type === 'entity.too.large') return new PayloadTooLargeError()
  if (parser.expose && parser.status && parser.status < 500) return new AppError(parser.message ?? 'Bad request', parser.status)
  return undefined
}

function databaseError(error: unknown): AppError | undefined {
  const pgError = error as PgError | null
  const code = pgError?.code ?? pgError?.cause?.code
  if (code === '23505') return new ConflictError('A record with these values already exists.')
  if (code === '23514') return new ConflictError('The change conflicts with a rule of this resource.')
  if (code === '40001' || code === '40P01') return new ConflictError('The request conflicted with a concurrent change; retry it.')
  // Class 22, data exceptions: a value the database cannot take (Payload passes ids and filter values from
  // the request straight into the query: `GET /api/events/abc`, `where[id][in]=a,b`, `page: -1`).
  if (code === '22P02') return new BadRequestError('A value in the request has the wrong format (a number or an id, for example).')
  if (code === '22003') return new BadRequestError('A number in the request is out of range.')
  if (code === '22007' || code === '22008') return new BadRequestError('A date in the request is not valid.')
  if (code?.startsWith('22')) return new BadRequestError('A value in the request is not valid.')
  return undefined
}

/**
 * Stripe's answers: a declined card is the member's 402, Stripe being down or throttling us is a 503. An
 * invalid request is our bug and stays a 500 (domain code turns the client's own mistakes into 4xx first).
 */
function stripeError(error: unknown): AppError | undefined {
  if (!(error instanceof Stripe.errors.StripeError)) return undefined
  if (error instanceof Stripe.errors.StripeCardError) return new PaymentRequiredError({ message: error.message })
  // The same request is still running at Stripe (a double submit): the first one answers.
  if (error instanceof Stripe.errors.StripeIdempotencyError)
    return new ConflictError('The same request is already in progress; retry it shortly.')
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new ServiceUnavailableError('The payment provider is unavailable. Please try again.')
  }
  return undefined
}
