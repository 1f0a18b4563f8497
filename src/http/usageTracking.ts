import type { RequestHandler, Response } from 'express'
import type { Payload } from 'payload'
import { usageRecorderFor } from '../domain/analytics/usageRecorder.ts'

/** What the router and the error handler learn about a call, for its usage row. */
type UsageLocals = { route?: string; userId?: number; errorMessage?: string }

const UNMATCHED = '(unmatched)'

/** res.locals is untyped in express; every write and read of the usage fields goes through these. */
export function usageLocals(res: Response): UsageLocals {
  const locals: { usage?: UsageLocals } = res.locals
  return (locals.usage ??= {})
}

/**
 * Records every /api/v1 call once its response is finished: the route template (not the raw path, so ids
 * do not explode the endpoints), method, status, duration, caller and the error detail of a 4xx/5xx.
 * The row goes to the in-memory buffer; the request never waits for the database.
 */
export function usageTracking(payload: Payload): RequestHandler {
  const recorder = usageRecorderFor(payload)
  return (req, res, next) => {
    const started = performance.now()
    res.once('close', () => {
      const usage = usageLocals(res)
      recorder.record({
        eventType: 'api_call',
        endpoint: usage.route ?? UNMATCHED,
        method: req.method,
        // A client that hung up before the answer was complete: nginx's "client closed request".
        statusCode: res.writableFinished ? res.statusCode : 499,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        userId: usage.userId ?? null,
        errorMessage: res.statusCode >= 400 ? (usage.errorMessage ?? null) : null,
        occurredAt: new Date(),
      })
    })
    next()
  }
}
