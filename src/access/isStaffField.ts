import type { FieldAccess } from 'payload'
import { hasRole } from './hasRole.ts'

export const isStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, 'manager', 'admin')
