import type { EndpointErrors } from '../../../src/domain/analytics/errorSummary.ts'
import type { EndpointPerformance } from '../../../src/domain/analytics/performanceSummary.ts'
import type { AnalyticsScope } from '../../../src/domain/analytics/analyticsScope.ts'
import type { UsageSummary } from '../../../src/domain/analytics/usageSummary.ts'
import { iso } from '../../../src/lib/dates.ts'

export const serializeUsage = (usage: UsageSummary, scope: AnalyticsScope) => ({
  total_events: usage.totalEvents,
  api_calls: usage.apiCalls,
  page_views: usage.pageViews,
  errors: usage.errors,
  avg_response_time: usage.avgResponseTime,
  period_start: iso(scope.start),
  period_end: iso(scope.end),
})

export const serializeEndpointErrors = (row: EndpointErrors) => ({
  endpoint: row.endpoint,
  error_count: row.errorCount,
  last_error: row.lastError,
  last_occurred: iso(row.lastOccurred),
})

export const serializeEndpointPerformance = (row: EndpointPerformance) => ({
  endpoint: row.endpoint,
  avg_response_time: row.avgResponseTime,
  min_response_time: row.minResponseTime,
  max_response_time: row.maxResponseTime,
  p95_response_time: row.p95ResponseTime,
  total_calls: row.totalCalls,
})
