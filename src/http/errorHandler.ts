import type { ErrorRequestHandler } from 'express'
import { TooManyRequestsError } from '../lib/errors.ts'
import { errorBody, type Envelope } from './errorBody.ts'
import { clientAborted } from './clientAborted.ts'
import { toAppError } from './toAppError.ts'
import { usageLocals } from './usageTracking.ts'

/** The single place an error becomes a response. 5xx bodies never carry internals; the log gets everything. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  // Nobody to answer; the access line records the abort.
  if (clientAborted(req, res, err)) return void res.destroy()
  const error = toAppError(err)
  // The detail the client got, never a 5xx's internals (those are in the log, under the request id).
  usageLocals(res).errorMessage = error.message
  if (error.status >= 500) req.log.error({ err }, 'request failed')
  else req.log.debug({ status: error.status, detail: error.detail }, 'request rejected')
  if (res.headersSent) return res.end()
  if (error instanceof TooManyRequestsError) res.set('Retry-After', String(error.retryAfterSeconds))
  const envelope: Envelope = res.locals.envelope ?? 'default'
  res.status(error.status).json(errorBody(envelope, error))
}
