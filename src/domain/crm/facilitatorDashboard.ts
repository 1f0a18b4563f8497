import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import { CRM_BOOKING_COLUMNS, type CrmBookingRow } from './crmBookingRow.ts'
import { facilitatorStatistics, type FacilitatorStatistics } from './facilitatorStatistics.ts'

export type PopularEvent = { event_id: number; event_title: string | null; event_type: string | null; booking_count: number }

export type FacilitatorDashboard = {
  statistics: FacilitatorStatistics
  popularEvents: PopularEvent[]
  recentBookings: CrmBookingRow[]
}

const POPULAR_EVENTS = 5
const RECENT_BOOKINGS = 10

/** Spec 004's dashboard: the statistics, the most booked events, and the latest arrivals. */
export async function facilitatorDashboard(payload: Payload, facilitatorId: number, now: Date): Promise<FacilitatorDashboard> {
  const pool = poolOf(payload)
  const [statistics, popular, recent] = await Promise.all([
    facilitatorStatistics(payload, facilitatorId, now),
    pool.query<PopularEvent>(
      `SELECT event_id::int AS event_id, max(event_title) AS event_title, max(event_type) AS event_type, count(*)::int AS booking_count
       FROM crm_bookings WHERE facilitator_id = $1 AND event_id IS NOT NULL
       GROUP BY event_id ORDER BY booking_count DESC, event_id LIMIT ${POPULAR_EVENTS}`,
      [facilitatorId],
    ),
    pool.query<CrmBookingRow>(
      `SELECT ${CRM_BOOKING_COLUMNS} FROM crm_bookings b WHERE b.facilitator_id = $1 ORDER BY b.received_at DESC, b.id DESC
       LIMIT ${RECENT_BOOKINGS}`,
      [facilitatorId],
    ),
  ])
  return { statistics, popularEvents: popular.rows, recentBookings: recent.rows }
}
