import type { CollectionBeforeChangeHook } from 'payload'

/** The creator of an event is whoever created it; it never changes afterwards. */
export const setCreatedBy: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user && !data.created_by) data.created_by = req.user.id
  return data
}
