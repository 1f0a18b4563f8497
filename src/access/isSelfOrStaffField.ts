import type { FieldAccess } from 'payload'
import { hasRole } from './hasRole.ts'

/** Field-level read: staff see the field on every user, a user only on their own record. */
export const isSelfOrStaffField: FieldAccess = ({ req: { user }, doc }) =>
  hasRole(user, 'manager', 'admin') || (Boolean(user) && doc?.id === user?.id)
