import type { Access } from 'payload'
import { isStaffMember } from './isStaffMember.ts'

/** Staff see every user; anyone else only their own row (a Where, so lists never leak other users). */
export const isSelfOrStaff: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffMember(user)) return true
  return { id: { equals: user.id } }
}
