import type { FieldAccess } from 'payload'
import { hasRole } from './hasRole.ts'
import { STAFF_ROLES } from './roles.ts'

/**
 * Field-level write on `roles`: admins grant anything; managers may set non-staff roles on non-staff users;
 * nobody else writes roles (their value is kept as it was).
 */
export const canGrantRoles: FieldAccess = ({ req: { user }, data, doc }) => {
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'manager')) return false
  const requested: string[] = Array.isArray(data?.roles) ? data.roles : []
  const current: string[] = Array.isArray(doc?.roles) ? doc.roles : []
  return ![...requested, ...current].some((role) => (STAFF_ROLES as string[]).includes(role))
}
