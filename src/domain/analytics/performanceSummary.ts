import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import type { AnalyticsScope } from './analyticsScope.ts'

export type EndpointPerformance = {
  endpoint: string
  avgResponseTime: number
  minResponseTime: number
  maxResponseTime: number
  p95ResponseTime: number
  totalCalls: number
}

const ms = (value: string) => Math.round(Number(value) * 100) / 100

/** Response times (ms) per endpoint, slowest on average first. */
export async function performanceSummary(payload: Payload, scope: AnalyticsScope, limit: number): Promise<EndpointPerformance[]> {
  const { rows } = await poolOf(payload).query<{ endpoint: string; avg: string; min: string; max: string; p95: string; total: string }>(
    `SELECT endpoint, avg(duration_ms) AS avg, min(duration_ms) AS min, max(duration_ms) AS max,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95, count(*) AS total
     FROM analytics_events
     WHERE event_type = 'api_call' AND occurred_at >= $1 AND occurred_at <= $2 AND ($3::integer IS NULL OR user_id = $3)
     GROUP BY endpoint ORDER BY avg(duration_ms) DESC, endpoint LIMIT $4`,
    [scope.start, scope.end, scope.userId, limit],
  )
  return rows.map((row) => ({
    endpoint: row.endpoint,
    avgResponseTime: ms(row.avg),
    minResponseTime: ms(row.min),
    maxResponseTime: ms(row.max),
    p95ResponseTime: ms(row.p95),
    totalCalls: Number(row.total),
  }))
}
