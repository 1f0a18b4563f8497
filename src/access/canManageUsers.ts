import type { Access, Where } from 'payload'
import { hasRole } from './hasRole.ts'
import { STAFF_ROLES } from './roles.ts'

/**
 * Update rule for users: admins change anyone; managers change themselves and non-staff users; everyone
 * else only themselves. A Where, so a manager cannot even address an admin's record.
 */
export const canManageUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (hasRole(user, 'manager')) {
    const manageable: Where = { or: [{ id: { equals: user.id } }, { roles: { not_in: [...STAFF_ROLES] } }] }
    return manageable
  }
  return { id: { equals: user.id } }
}
