import { analyticsScope } from '../../../src/domain/analytics/analyticsScope.ts'
import { errorSummary } from '../../../src/domain/analytics/errorSummary.ts'
import { performanceSummary } from '../../../src/domain/analytics/performanceSummary.ts'
import { recordPageView } from '../../../src/domain/analytics/recordPageView.ts'
import { usageSummary } from '../../../src/domain/analytics/usageSummary.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { EndpointErrorsOut, EndpointPerformanceOut, GroupedQuery, PageViewBody, UsageOut, UsageQuery } from './schemas.ts'
import { serializeEndpointErrors, serializeEndpointPerformance, serializeUsage } from './serialize.ts'

/** Spec 003's usage analytics: the caller's own figures, everyone's for staff. */
export const analyticsRoutes = v1Router('/analytics')

const forbidden = { 403: 'user_id of another user, by a non-staff caller' }

analyticsRoutes.get(
  '/usage',
  { summary: 'Usage over the last `days` days', auth: 'user', query: UsageQuery, responses: { 200: UsageOut, ...forbidden } },
  async ({ req, user, query }) => {
    const scope = analyticsScope(user, query.days, query.user_id)
    return { body: serializeUsage(await usageSummary(req.payload, scope), scope) }
  },
)

analyticsRoutes.get(
  '/errors',
  {
    summary: 'Failed calls grouped by endpoint',
    auth: 'user',
    query: GroupedQuery,
    responses: { 200: EndpointErrorsOut.array(), ...forbidden },
  },
  async ({ req, user, query }) => {
    const rows = await errorSummary(req.payload, analyticsScope(user, query.days, query.user_id), query.limit)
    return { body: rows.map(serializeEndpointErrors) }
  },
)

analyticsRoutes.get(
  '/performance',
  {
    summary: 'Response times grouped by endpoint',
    auth: 'user',
    query: GroupedQuery,
    responses: { 200: EndpointPerformanceOut.array(), ...forbidden },
  },
  async ({ req, user, query }) => {
    const rows = await performanceSummary(req.payload, analyticsScope(user, query.days, query.user_id), query.limit)
    return { body: rows.map(serializeEndpointPerformance) }
  },
)

analyticsRoutes.post(
  '/page-views',
  {
    summary: 'Reports a page view of an app (counted in usage.page_views)',
    auth: 'optional',
    body: PageViewBody,
    responses: { 202: 'Recorded' },
  },
  async ({ req, user, body }) => {
    recordPageView(req.payload, user, body.page)
    return { status: 202 }
  },
)
