import type { PayloadRequest } from 'payload'
import { isStaffMember } from './isStaffMember.ts'

/** The admin panel is for staff only. */
export const canUseAdmin = ({ req }: { req: PayloadRequest }): boolean => isStaffMember(req.user)
