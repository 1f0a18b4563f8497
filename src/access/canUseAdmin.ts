import type { PayloadRequest } from 'payload'
import { hasRole } from './hasRole.ts'

/** The admin panel is for staff only. */
export const canUseAdmin = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'manager', 'admin')
