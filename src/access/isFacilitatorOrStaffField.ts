import type { FieldAccess } from 'payload'
import { hasRole } from './hasRole.ts'
import { STAFF_ROLES } from './roles.ts'

/** Field-level: facilitators and staff (they publish events without approval). */
export const isFacilitatorOrStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, 'facilitator', ...STAFF_ROLES)
