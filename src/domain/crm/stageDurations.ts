import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import type { CrmStage } from './statuses.ts'

export type StageDuration = { median_seconds: number | null; bookings: number }

/**
 * The median time bookings spent in each stage, from the append-only history: a stay runs from the move
 * into the stage to the next move of that booking. Only finished stays count (a booking still in a stage
 * has not spent its time there yet), so the figures are exact, not estimates.
 */
export async function stageDurations(payload: Payload, facilitatorId: number): Promise<Record<CrmStage, StageDuration>> {
  const { rows } = await poolOf(payload).query<{ stage: CrmStage; median_seconds: number; bookings: number }>(
    `WITH stays AS (
       SELECT c.to_status AS stage, c.crm_booking_id,
         LEAD(c.changed_at) OVER (PARTITION BY c.crm_booking_id ORDER BY c.changed_at, c.id) - c.changed_at AS spent
       FROM crm_status_changes c JOIN crm_bookings b ON b.id = c.crm_booking_id
       WHERE b.facilitator_id = $1)
     SELECT stage::text, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM spent))::float8 AS median_seconds,
       count(DISTINCT crm_booking_id)::int AS bookings
     FROM stays WHERE spent IS NOT NULL GROUP BY stage`,
    [facilitatorId],
  )
  const byStage = new Map(rows.map((row) => [row.stage, row]))
  const of = (stage: CrmStage): StageDuration => {
    const row = byStage.get(stage)
    return { median_seconds: row ? row.median_seconds : null, bookings: row?.bookings ?? 0 }
  }
  return { new: of('new'), reviewed: of('reviewed'), contacted: of('contacted'), confirmed: of('confirmed'), completed: of('completed') }
}
