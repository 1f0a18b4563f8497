import type { PayloadRequest, Where } from 'payload'
import type { Registration } from '../../payload-types.ts'

export type BookingFilters = { page: number; perPage: number; status?: Registration['status']; upcoming: boolean }

/** The caller's registrations (bookings), newest first, with their events (read access applies). */
export async function listBookings(req: PayloadRequest, userId: number, filters: BookingFilters) {
  const and: Where[] = [{ user: { equals: userId } }]
  if (filters.status) and.push({ status: { equals: filters.status } })
  if (filters.upcoming) and.push({ 'event.start_datetime': { greater_than: new Date().toISOString() } })
  return req.payload.find({
    collection: 'registrations',
    where: { and },
    page: filters.page,
    limit: filters.perPage,
    sort: '-booking_date',
    depth: 1,
    overrideAccess: false,
    req,
    populate: { events: { name: true, start_datetime: true, event_type: true } },
  })
}
