import type { Access } from 'payload'
import { hasRole } from './hasRole.ts'

/** Managers and admins. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, 'manager', 'admin')
