import type { Access } from 'payload'
import { isStaffMember } from './isStaffMember.ts'

/** Managers and admins. */
export const isStaff: Access = ({ req: { user } }) => isStaffMember(user)
