import { APIError, ValidationError } from 'payload'
import { z } from 'zod'
import { AppError, ConflictError, PaymentRequiredError, TooManyRequestsError } from '../../../src/lib/errors.ts'
import { errorBody } from '../../../src/http/errorBody.ts'
import { toAppError } from '../../../src/http/toAppError.ts'

describe('toAppError', () => {
  it('keeps AppErrors as they are', () => {
    const error = new ConflictError('Already registered')
    expect(toAppError(error)).toBe(error)
  })

  it('turns a ZodError into a 400 with errors per field', () => {
    const result = z.object({ email: z.email(), age: z.number() }).safeParse({ email: 'x', age: 'y' })
    const error = toAppError(result.error)
    expect(error.status).toBe(400)
    expect(error.fields).toEqual({ email: [expect.any(String)], age: [expect.any(String)] })
  })

  it("maps Payload's unique-violation ValidationError to 409 with the field", () => {
    const error = toAppError(new ValidationError({ errors: [{ path: 'email', message: 'Value must be unique' }] }))
    expect(error.status).toBe(409)
    expect(error.fields).toEqual({ email: ['Value must be unique'] })
  })

  it("keeps Payload's other validation errors as 400", () => {
    const error = toAppError(new ValidationError({ errors: [{ path: 'name', message: 'This field is required.' }] }))
    expect(error.status).toBe(400)
    expect(error.fields).toEqual({ name: ['This field is required.'] })
  })

  it.each([
    ['23505', 409],
    ['23514', 409],
    ['40001', 409],
    ['22P02', 400],
  ])('maps Postgres error %s (also when wrapped in cause) to %s', (code, status) => {
    expect(toAppError(Object.assign(new Error('db'), { code })).status).toBe(status)
    expect(toAppError(Object.assign(new Error('wrapped'), { cause: { code } })).status).toBe(status)
  })

  it('maps body-parser failures', () => {
    expect(toAppError({ type: 'entity.parse.failed', status: 400 }).status).toBe(400)
    expect(toAppError({ type: 'entity.too.large', status: 413 }).status).toBe(413)
  })

  it('keeps public 4xx APIErrors and hides everything else behind a 500', () => {
    expect(toAppError(new APIError('Nope', 403)).status).toBe(403)
    const hidden = toAppError(new Error('connection string postgres://secret'))
    expect(hidden.status).toBe(500)
    expect(hidden.detail).toBe('Internal server error')
    expect(toAppError(new APIError('internal detail', 500)).detail).toBe('Internal server error')
  })
})

describe('errorBody', () => {
  const validation = new AppError('Validation failed', 400, { email: ['Enter a valid email address.'] })

  it('writes {detail, errors} by default', () => {
    expect(errorBody('default', validation)).toEqual({ detail: 'Validation failed', errors: { email: ['Enter a valid email address.'] } })
  })

  it('adds success:false and message on HumanLink routes', () => {
    expect(errorBody('humanlink', validation)).toEqual({
      success: false,
      detail: 'Validation failed',
      errors: { email: ['Enter a valid email address.'] },
      message: 'Validation failed',
    })
  })

  it('adds error on Booking (spec 004) routes', () => {
    expect(errorBody('booking', new ConflictError('Time conflict'))).toEqual({ detail: 'Time conflict', error: 'Time conflict' })
  })

  it("keeps spec 000's object detail for 402", () => {
    const detail = { message: 'Payment required', event_id: 1, price_cents: 2500, currency: 'USD' }
    expect(errorBody('default', new PaymentRequiredError(detail))).toEqual({ detail })
  })

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect(new TooManyRequestsError(0.2).retryAfterSeconds).toBe(1)
    expect(new TooManyRequestsError(61.5).retryAfterSeconds).toBe(62)
  })
})
