import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import { stageDurations, type StageDuration } from './stageDurations.ts'
import type { CrmStage } from './statuses.ts'

export type FacilitatorStatistics = {
  total_bookings: number
  session_bookings: number
  retreat_bookings: number
  recent_bookings: number
  unique_users: number
  unique_events: number
  time_in_stage: Record<CrmStage, StageDuration>
}

/** Spec 004's statistics over all of a facilitator's bookings (recent = arrived in the 7 days before `now`), with time in stage. */
export async function facilitatorStatistics(payload: Payload, facilitatorId: number, now: Date): Promise<FacilitatorStatistics> {
  const [counts, timeInStage] = await Promise.all([
    poolOf(payload).query<Omit<FacilitatorStatistics, 'time_in_stage'>>(
      `SELECT count(*)::int AS total_bookings,
         count(*) FILTER (WHERE event_type = 'session')::int AS session_bookings,
         count(*) FILTER (WHERE event_type = 'retreat')::int AS retreat_bookings,
         count(*) FILTER (WHERE received_at >= $2::timestamptz - interval '7 days')::int AS recent_bookings,
         count(DISTINCT user_id)::int AS unique_users,
         count(DISTINCT event_id)::int AS unique_events
       FROM crm_bookings WHERE facilitator_id = $1`,
      [facilitatorId, now],
    ),
    stageDurations(payload, facilitatorId),
  ])
  return { ...counts.rows[0], time_in_stage: timeInStage }
}
