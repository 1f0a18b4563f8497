import { z } from 'zod'
import { ROLES } from '../../../src/access/roles.ts'
import { FRIEND_ORDERING } from '../../../src/domain/friends/friendDirectory.ts'
import { USER_ORDERING } from '../../../src/domain/users/listUsers.ts'
import { humanlinkListParams, toListQuery } from '../../../src/lib/validation/humanlinkQuery.ts'
import { FriendOut } from '../friends/schemas.ts'

export const AdminUsersQuery = humanlinkListParams(Object.keys(USER_ORDERING))
  .extend({ role: z.enum(ROLES).optional(), status: z.enum(['active', 'inactive']).optional() })
  .transform(toListQuery)

export const AdminFriendsQuery = humanlinkListParams(Object.keys(FRIEND_ORDERING)).transform(toListQuery)

export const AdminFriendOut = FriendOut.extend({
  sessions_count: z.number(),
  completed_sessions_count: z.number(),
  earnings: z.string(),
})
