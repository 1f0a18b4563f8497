import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'

export type CrmCounts = { notifications_received: number; unique_facilitators: number; unique_events: number }

/** The counts spec 004's CRM health check reports. */
export async function crmCounts(payload: Payload): Promise<CrmCounts> {
  const { rows } = await poolOf(payload).query<CrmCounts>(
    `SELECT count(*)::int AS notifications_received, count(DISTINCT facilitator_id)::int AS unique_facilitators,
       count(DISTINCT event_id)::int AS unique_events FROM crm_bookings`,
  )
  return rows[0]
}
