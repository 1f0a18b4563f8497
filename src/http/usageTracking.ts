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

/** The route template and status of a call whose response has closed (usage rows and /metrics count it alike). */
export function closedCall(res: Response): { route: string; statusCode: number } {
  // A client that hung up before the answer was complete: nginx's "client closed request".
  return { route: usageLocals(res).route ?? UNMATCHED, statusCode: res.writableFinished ? res.statusCode : 499 }
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
      const { route, statusCode } = closedCall(res)
      recorder.record({
        eventType: 'api_call',
        endpoint: route,
        method: req.method,
        statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        userId: usage.userId ?? null,
        errorMessage: res.statusCode >= 400 ? (usage.errorMessage ?? null) : null,
        occurredAt: new Date(),
      })
    })
    next()
  }
}
