import { hasRole } from './hasRole.ts'
import { STAFF_ROLES } from './roles.ts'

type WithRoles = Parameters<typeof hasRole>[0]

/** Managers and admins: the one definition of "staff" that predicates, routes and domain rules use. */
export function isStaffMember(user: WithRoles): boolean {
  return hasRole(user, ...STAFF_ROLES)
}
