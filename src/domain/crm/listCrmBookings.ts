import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import { filterSql, type CrmBookingFilters } from './bookingFilters.ts'
import { CRM_BOOKING_COLUMNS, type CrmBookingRow } from './crmBookingRow.ts'

export type CrmPage = { page: number; perPage: number }
export type CrmBookingPage = { rows: CrmBookingRow[]; total: number; totalAll: number }

/** A page of CRM bookings, newest arrival first, with the filtered count and the count of all bookings. */
export async function listCrmBookings(payload: Payload, filters: CrmBookingFilters, { page, perPage }: CrmPage): Promise<CrmBookingPage> {
  const pool = poolOf(payload)
  const { where, values } = filterSql(filters)
  const [list, counts] = await Promise.all([
    pool.query<CrmBookingRow>(
      `SELECT ${CRM_BOOKING_COLUMNS} FROM crm_bookings b ${where} ORDER BY b.received_at DESC, b.id DESC
       LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, perPage, (page - 1) * perPage],
    ),
    pool.query<{ total: number; total_all: number }>(
      `SELECT (SELECT count(*)::int FROM crm_bookings b ${where}) AS total, (SELECT count(*)::int FROM crm_bookings) AS total_all`,
      values,
    ),
  ])
  return { rows: list.rows, total: counts.rows[0].total, totalAll: counts.rows[0].total_all }
}
