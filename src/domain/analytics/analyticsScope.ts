import type { TypedUser } from 'payload'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { ForbiddenError } from '../../lib/errors.ts'

/** Whose rows a query covers and since when: `userId` null means everyone's (staff only). */
export type AnalyticsScope = { userId: number | null; start: Date; end: Date }

/**
 * Users see their own figures; staff see everyone's, or one user's with `user_id`. The window is the
 * last `days` days up to now.
 */
export function analyticsScope(user: TypedUser, days: number, requestedUserId: number | undefined, now = new Date()): AnalyticsScope {
  const staff = isStaffMember(user)
  if (requestedUserId !== undefined && !staff && requestedUserId !== Number(user.id)) {
    throw new ForbiddenError("Only staff may read another user's analytics.")
  }
  const userId = staff ? (requestedUserId ?? null) : Number(user.id)
  return { userId, start: new Date(now.getTime() - days * 86_400_000), end: now }
}
