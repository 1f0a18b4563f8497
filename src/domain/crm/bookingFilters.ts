import type { CrmBookingStatus, CrmStage } from './statuses.ts'

/** Filters of the CRM's booking lists (spec 004); absent = any. */
export type CrmBookingFilters = {
  facilitator_id?: number
  event_id?: number
  user_id?: number
  status?: CrmBookingStatus
  crm_status?: CrmStage
  event_type?: string
}

const COLUMNS = {
  facilitator_id: 'b.facilitator_id',
  event_id: 'b.event_id',
  user_id: 'b.user_id',
  status: 'b.status',
  crm_status: 'b.crm_status',
  event_type: 'b.event_type',
} as const satisfies Record<keyof CrmBookingFilters, string>

/** `WHERE` text and its parameters ($1...) for the filters given. */
export function filterSql(filters: CrmBookingFilters): { where: string; values: unknown[] } {
  const values: unknown[] = []
  const clauses: string[] = []
  for (const key of Object.keys(COLUMNS) as (keyof CrmBookingFilters)[]) {
    const value = filters[key]
    if (value === undefined) continue
    values.push(value)
    clauses.push(`${COLUMNS[key]} = $${values.length}`)
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values }
}
