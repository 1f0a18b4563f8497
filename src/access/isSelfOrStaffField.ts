import type { FieldAccess } from 'payload'
import { isStaffMember } from './isStaffMember.ts'

/** Field-level read: staff see the field on every user, a user only on their own record. */
export const isSelfOrStaffField: FieldAccess = ({ req: { user }, doc }) => isStaffMember(user) || (Boolean(user) && doc?.id === user?.id)
