import type { AppError } from '../lib/errors.ts'

/**
 * Error bodies per spec family. Every body carries `detail` (and `errors` for validation); HumanLink
 * routes add `success: false` and `message`, Booking (spec 004) routes add `error`, and Forum CC (spec
 * 002, Django REST Framework) routes add DRF's own keys: each invalid field at the top level
 * (`{"frequency": ["..."]}`) and `error` for other errors.
 */
export type Envelope = 'default' | 'humanlink' | 'booking' | 'forum'

export function errorBody(envelope: Envelope, error: AppError): Record<string, unknown> {
  const body: Record<string, unknown> = { detail: error.detail }
  if (error.fields) body.errors = error.fields
  const sentence = typeof error.detail === 'string' ? error.detail : error.message
  if (envelope === 'humanlink') return { success: false, ...body, message: sentence }
  if (envelope === 'booking') return { ...body, error: sentence }
  if (envelope === 'forum') return error.fields ? { ...error.fields, ...body } : { ...body, error: sentence }
  return body
}
