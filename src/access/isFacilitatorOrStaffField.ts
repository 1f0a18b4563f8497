import type { FieldAccess } from 'payload'
import { hasRole } from './hasRole.ts'

/** Field-level: facilitators and staff (they publish events without approval). */
export const isFacilitatorOrStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, 'facilitator', 'manager', 'admin')
