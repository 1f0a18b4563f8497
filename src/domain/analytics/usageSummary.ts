import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import type { AnalyticsScope } from './analyticsScope.ts'

export type UsageSummary = {
  totalEvents: number
  apiCalls: number
  pageViews: number
  errors: number
  avgResponseTime: number
}

/** Counts of the scope's rows: every event, API calls, page views, failed calls (status >= 400), mean call time. */
export async function usageSummary(payload: Payload, scope: AnalyticsScope): Promise<UsageSummary> {
  const { rows } = await poolOf(payload).query<{ total: string; api: string; views: string; errors: string; avg: string | null }>(
    `SELECT count(*) AS total,
       count(*) FILTER (WHERE event_type = 'api_call') AS api,
       count(*) FILTER (WHERE event_type = 'page_view') AS views,
       count(*) FILTER (WHERE event_type = 'api_call' AND status_code >= 400) AS errors,
       avg(duration_ms) FILTER (WHERE event_type = 'api_call') AS avg
     FROM analytics_events WHERE occurred_at >= $1 AND occurred_at <= $2 AND ($3::integer IS NULL OR user_id = $3)`,
    [scope.start, scope.end, scope.userId],
  )
  const row = rows[0]
  return {
    totalEvents: Number(row.total),
    apiCalls: Number(row.api),
    pageViews: Number(row.views),
    errors: Number(row.errors),
    avgResponseTime: row.avg === null ? 0 : Math.round(Number(row.avg) * 100) / 100,
  }
}
