import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import type { AnalyticsScope } from './analyticsScope.ts'

export type EndpointErrors = { endpoint: string; errorCount: number; lastError: string | null; lastOccurred: Date }

/** Failed calls (status >= 400) per endpoint, most failing first, with the latest one's detail. */
export async function errorSummary(payload: Payload, scope: AnalyticsScope, limit: number): Promise<EndpointErrors[]> {
  const { rows } = await poolOf(payload).query<{ endpoint: string; count: string; last_error: string | null; last_occurred: Date }>(
    `SELECT endpoint, count(*) AS count, max(occurred_at) AS last_occurred,
       (array_agg(error_message ORDER BY occurred_at DESC, id DESC))[1] AS last_error
     FROM analytics_events
     WHERE event_type = 'api_call' AND status_code >= 400
       AND occurred_at >= $1 AND occurred_at <= $2 AND ($3::integer IS NULL OR user_id = $3)
     GROUP BY endpoint ORDER BY count(*) DESC, endpoint LIMIT $4`,
    [scope.start, scope.end, scope.userId, limit],
  )
  return rows.map((row) => ({
    endpoint: row.endpoint,
    errorCount: Number(row.count),
    lastError: row.last_error,
    lastOccurred: row.last_occurred,
  }))
}
