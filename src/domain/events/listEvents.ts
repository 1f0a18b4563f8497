import type { PayloadRequest, Where } from 'payload'
import { eventTypeByKey } from './eventTypes.ts'

export type EventFilters = {
  page: number
  limit: number
  city?: string
  country?: string
  type?: string
  facilitatorId?: number
  status?: string
  search?: string
  startAfter?: Date
  startBefore?: Date
  location?: string
}

/** Published events matching the filters, soonest first, read as the caller (access rules apply). */
export async function listEvents(req: PayloadRequest, filters: EventFilters) {
  const and: Where[] = [{ is_published: { equals: true } }]
  if (filters.status && filters.status !== 'all') and.push({ status: { equals: filters.status } })
  if (filters.city) and.push({ location_city: { like: filters.city } })
  if (filters.country) and.push({ location_country: { like: filters.country } })
  if (filters.facilitatorId) and.push({ facilitator: { equals: filters.facilitatorId } })
  if (filters.startAfter) and.push({ start_datetime: { greater_than_equal: filters.startAfter.toISOString() } })
  if (filters.startBefore) and.push({ start_datetime: { less_than_equal: filters.startBefore.toISOString() } })
  if (filters.search) and.push({ or: [{ name: { like: filters.search } }, { description_text: { like: filters.search } }] })
  if (filters.location) {
    and.push({ or: ['location', 'location_name', 'location_city', 'location_country'].map((field) => ({ [field]: { like: filters.location } })) })
  }
  if (filters.type) {
    const type = await eventTypeByKey(req.payload, filters.type)
    if (!type) return { docs: [], totalDocs: 0, page: filters.page }
    and.push({ event_type: { equals: type.id } })
  }
  return req.payload.find({
    collection: 'events',
    where: { and },
    page: filters.page,
    limit: filters.limit,
    sort: 'start_datetime',
    depth: 0,
    overrideAccess: false,
    req,
    select: { description: false },
  })
}
