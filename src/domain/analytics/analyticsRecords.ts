import type pg from 'pg'
import type { AnalyticsEventType } from './statuses.ts'

/** One recorded call or page view, as the usage recorder buffers it. */
export type UsageRow = {
  eventType: AnalyticsEventType
  endpoint: string
  method: string
  statusCode: number
  durationMs: number
  userId: number | null
  errorMessage: string | null
  occurredAt: Date
}

/**
 * The only writer of analytics-events and analytics-daily. A batch is one INSERT ... SELECT FROM unnest:
 * one statement and one round trip whatever the batch size, with every value bound.
 */
export async function insertUsageRows(pool: pg.Pool, rows: UsageRow[]): Promise<void> {
  if (rows.length === 0) return
  await pool.query(
    `INSERT INTO analytics_events (event_type, endpoint, method, status_code, duration_ms, user_id, error_message, occurred_at)
     SELECT * FROM unnest($1::enum_analytics_events_event_type[], $2::varchar[], $3::varchar[], $4::numeric[], $5::numeric[],
       $6::integer[], $7::varchar[], $8::timestamptz[])`,
    [
      rows.map((row) => row.eventType),
      rows.map((row) => row.endpoint),
      rows.map((row) => row.method),
      rows.map((row) => row.statusCode),
      rows.map((row) => row.durationMs),
      rows.map((row) => row.userId),
      rows.map((row) => row.errorMessage),
      rows.map((row) => row.occurredAt),
    ],
  )
}

/** Replaces the rollup rows of the UTC day starting at `day` with aggregates of that day's raw rows. */
export async function rollUpDay(client: pg.PoolClient, day: Date): Promise<number> {
  const end = new Date(day.getTime() + 86_400_000)
  await client.query('DELETE FROM analytics_daily WHERE day = $1', [day])
  const { rowCount } = await client.query(
    `INSERT INTO analytics_daily (day, event_type, endpoint, method, user_id, calls, errors, avg_ms, min_ms, max_ms, p95_ms)
     SELECT $1::timestamptz, event_type::text::enum_analytics_daily_event_type, endpoint, method, user_id, count(*),
       count(*) FILTER (WHERE status_code >= 400), avg(duration_ms), min(duration_ms), max(duration_ms),
       percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)
     FROM analytics_events WHERE occurred_at >= $1 AND occurred_at < $2
     GROUP BY event_type, endpoint, method, user_id`,
    [day, end],
  )
  return rowCount ?? 0
}

/** Deletes raw rows older than `cutoff` (their days are rolled up first). */
export async function deleteRawRowsBefore(client: pg.PoolClient, cutoff: Date): Promise<number> {
  const { rowCount } = await client.query('DELETE FROM analytics_events WHERE occurred_at < $1', [cutoff])
  return rowCount ?? 0
}

/** The first UTC day that has raw rows but no rollup yet (or undefined when there is nothing to roll up). */
export async function firstDayToRollUp(client: pg.PoolClient): Promise<Date | undefined> {
  const { rows } = await client.query<{ day: Date | null }>(
    `SELECT date_trunc('day', min(occurred_at) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day FROM analytics_events
     WHERE occurred_at >= coalesce((SELECT max(day) + interval '1 day' FROM analytics_daily), '-infinity')`,
  )
  return rows[0]?.day ?? undefined
}
