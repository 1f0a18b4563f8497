import type { PayloadRequest, Where } from 'payload'
import { dateRange, findListPage, sortFor, type ListQuery } from '../../lib/listQuery.ts'
import type { SessionStatus, SessionType } from './statuses.ts'

/** `ordering` keys of the sessions list. */
export const SESSION_ORDERING = {
  scheduled_at: 'scheduled_at',
  created_at: 'createdAt',
  price: 'price_cents',
  duration_minutes: 'duration_minutes',
}

export type SessionListQuery = ListQuery & { type?: SessionType; status?: SessionStatus; friendId?: number; userId?: number }

/** The caller's sessions (as user or friend; staff see all), soonest first; date_after/before bound scheduled_at. */
export async function listSessions(req: PayloadRequest, query: SessionListQuery) {
  const where: Where[] = dateRange('scheduled_at', query)
  if (query.type) where.push({ type: { equals: query.type } })
  if (query.status) where.push({ status: { equals: query.status } })
  if (query.friendId) where.push({ friend: { equals: query.friendId } })
  if (query.userId) where.push({ user: { equals: query.userId } })
  if (query.search) where.push({ notes: { like: query.search } })
  return findListPage(req, 'friend-sessions', { where, sort: [sortFor(query.ordering, SESSION_ORDERING, 'scheduled_at'), 'id'] }, query)
}
