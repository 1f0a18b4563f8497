import type { FieldAccess } from 'payload'
import { isStaffMember } from './isStaffMember.ts'

export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffMember(user)
