import type { PayloadRequest, TypedUser } from 'payload'
import { hasRole } from '../../access/hasRole.ts'
import type { Role } from '../../access/roles.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import type { ListQuery } from '../../lib/listQuery.ts'
import { listFriends } from '../friends/friendDirectory.ts'
import { sessionTotalsByFriend } from '../sessions/sessionTotals.ts'
import { listUsers } from '../users/listUsers.ts'

/** Spec 001's admin/users and admin/friends are admins' tools (managers get 403; they have admin/tickets). */
function assertAdmin(user: TypedUser): void {
  if (!hasRole(user, 'admin')) throw new ForbiddenError('Only admins can use this tool.')
}

/** admin/users: every account, filtered by role, status (active | inactive) and search. */
export async function listAdminUsers(
  req: PayloadRequest,
  user: TypedUser,
  query: ListQuery & { role?: Role; status?: 'active' | 'inactive' },
) {
  assertAdmin(user)
  return listUsers(req, { ...query, isActive: query.status === undefined ? undefined : query.status === 'active' })
}

/** admin/friends: friends with their average rating, sessions count and earnings. */
export async function listAdminFriends(req: PayloadRequest, user: TypedUser, query: ListQuery) {
  assertAdmin(user)
  const { friends, total } = await listFriends(req, query)
  const totals = await sessionTotalsByFriend(
    req,
    friends.map((friend) => friend.id),
  )
  return {
    total,
    friends: friends.map((friend) => ({
      friend,
      totals: totals.get(friend.id) ?? { sessions_count: 0, completed_count: 0, earnings_cents: 0 },
    })),
  }
}
