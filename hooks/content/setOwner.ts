import type { CollectionBeforeChangeHook } from 'payload'

/** Content belongs to whoever created it (staff may name another owner); the owner field is staff-only afterwards. */
export const setOwner =
  (field: string): CollectionBeforeChangeHook =>
  ({ data, operation, req }) => {
    if (operation === 'create' && req.user && !data[field]) data[field] = req.user.id
    return data
  }
