import type { PayloadRequest, Where } from 'payload'
import { dateRange, findListPage, sortFor, type ListQuery } from '../../lib/listQuery.ts'
import { listFriends } from '../friends/friendDirectory.ts'
import type { MatchStatus } from './statuses.ts'

export const MATCH_ORDERING = { created_at: 'createdAt', compatibility_score: 'compatibility_score' }

export type MatchListQuery = ListQuery & { status?: MatchStatus; scoreMin?: number; userId?: number }

/** The caller's matches (as the user or the friend; staff see all), best score first; `search` looks in friends' names. */
export async function listMatches(req: PayloadRequest, query: MatchListQuery) {
  const where: Where[] = dateRange('createdAt', query)
  if (query.status) where.push({ status: { equals: query.status } })
  if (query.scoreMin !== undefined) where.push({ compatibility_score: { greater_than_equal: query.scoreMin } })
  if (query.userId) where.push({ user: { equals: query.userId } })
  if (query.search) {
    const { friends } = await listFriends(req, { page: 1, pageSize: 100, search: query.search, withAvatars: false })
    where.push({ friend: { in: friends.map((friend) => friend.id) } })
  }
  return findListPage(req, 'matches', { where, sort: [sortFor(query.ordering, MATCH_ORDERING, '-compatibility_score'), '-id'] }, query)
}
