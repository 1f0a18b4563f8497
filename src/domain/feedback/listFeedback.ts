import type { PayloadRequest, TypedUser, Where } from 'payload'
import { hasRole } from '../../access/hasRole.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { dateRange, findListPage, sortFor, type ListQuery } from '../../lib/listQuery.ts'

export const FEEDBACK_ORDERING = { created_at: 'createdAt', rating: 'rating' }

export type FeedbackListQuery = ListQuery & { sessionId?: number; ratingMin?: number; friendId?: number }

/** Spec 001: friends see the feedback about them, admins all of it; anyone else 403. Newest first. */
export async function listFeedback(req: PayloadRequest, user: TypedUser, query: FeedbackListQuery) {
  const admin = hasRole(user, 'admin')
  if (!admin && !hasRole(user, 'facilitator')) throw new ForbiddenError('Only friends and admins can view feedback.')
  const where: Where[] = dateRange('createdAt', query)
  if (!admin) where.push({ friend: { equals: user.id } })
  if (query.friendId) where.push({ friend: { equals: query.friendId } })
  if (query.sessionId) where.push({ session: { equals: query.sessionId } })
  if (query.ratingMin) where.push({ rating: { greater_than_equal: query.ratingMin } })
  if (query.search) where.push({ comment: { like: query.search } })
  return findListPage(req, 'feedback', { where, sort: [sortFor(query.ordering, FEEDBACK_ORDERING, '-createdAt'), '-id'] }, query)
}
