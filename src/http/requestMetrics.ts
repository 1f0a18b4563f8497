import type { RequestHandler } from 'express'
import { httpRequestDuration, httpRequests } from '../lib/metrics.ts'
import { usageLocals } from './usageTracking.ts'

/** Counts and times every /api/v1 request by route template, method and status, for /metrics. */
export const requestMetrics: RequestHandler = (req, res, next) => {
  const stopTimer = httpRequestDuration.startTimer()
  res.once('close', () => {
    const route = usageLocals(res).route ?? '(unmatched)'
    stopTimer({ method: req.method, route })
    httpRequests.inc({ method: req.method, route, status: String(res.writableFinished ? res.statusCode : 499) })
  })
  next()
}
