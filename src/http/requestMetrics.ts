import type { RequestHandler } from 'express'
import { httpRequestDuration, httpRequests } from '../lib/metrics.ts'
import { closedCall } from './usageTracking.ts'

/** Counts and times every /api/v1 request by route template, method and status, for /metrics. */
export const requestMetrics: RequestHandler = (req, res, next) => {
  const stopTimer = httpRequestDuration.startTimer()
  res.once('close', () => {
    const { route, statusCode } = closedCall(res)
    stopTimer({ method: req.method, route })
    httpRequests.inc({ method: req.method, route, status: String(statusCode) })
  })
  next()
}
