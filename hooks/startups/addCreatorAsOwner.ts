import type { CollectionBeforeChangeHook } from 'payload'
import { isStaffMember } from '../../src/access/isStaffMember.ts'

/** Whoever creates a company owns it; staff may name other owners instead. */
export const addCreatorAsOwner: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user) return data
  const named = Array.isArray(data.owners) && data.owners.length > 0
  if (!isStaffMember(req.user) || !named) data.owners = [req.user.id]
  return data
}
