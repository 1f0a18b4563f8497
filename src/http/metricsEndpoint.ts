import { timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler } from 'express'
import type { Payload } from 'payload'
import { isStaffMember } from '../access/isStaffMember.ts'
import { usageRecorderFor } from '../domain/analytics/usageRecorder.ts'
import { outboxQueueDepth } from '../domain/outbox/queueDepth.ts'
import { poolUsage } from '../domain/system/poolUsage.ts'
import { config } from '../lib/config.ts'
import { ForbiddenError, UnauthorizedError } from '../lib/errors.ts'
import { analyticsRows, dbPoolConnections, metricsRegistry, outboxDepth } from '../lib/metrics.ts'
import { authenticate, credentialsOf } from './authenticate.ts'

const sameSecret = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))

/** METRICS_TOKEN as a bearer token (a scraper), or a staff member's access token. */
async function assertMayReadMetrics(payload: Payload, req: Request): Promise<void> {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (bearer && config.METRICS_TOKEN && sameSecret(bearer, config.METRICS_TOKEN)) return
  const { user } = await authenticate(payload, await credentialsOf(req))
  if (!user) throw new UnauthorizedError()
  if (!isStaffMember(user)) throw new ForbiddenError()
}

/** Gauges read at scrape time, so they are current without a background sampler. */
async function refreshGauges(payload: Payload): Promise<void> {
  const depth = await outboxQueueDepth(payload)
  for (const [status, count] of Object.entries(depth)) outboxDepth.set({ status }, count)
  for (const [state, count] of Object.entries(poolUsage(payload))) dbPoolConnections.set({ state }, count)
  for (const [state, count] of Object.entries(usageRecorderFor(payload).stats())) analyticsRows.set({ state }, count)
}

/** GET /metrics in Prometheus' text format. */
export function metricsEndpoint(payload: Payload): RequestHandler {
  return async (req, res) => {
    await assertMayReadMetrics(payload, req)
    await refreshGauges(payload)
    res.set('Content-Type', metricsRegistry.contentType).set('Cache-Control', 'no-store')
    res.send(await metricsRegistry.metrics())
  }
}
