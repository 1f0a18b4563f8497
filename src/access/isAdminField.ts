import type { FieldAccess } from 'payload'
import { hasRole } from './hasRole.ts'

/** Field-level: only admins read or write the field (roles, verification flags). */
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
