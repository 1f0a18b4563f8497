import type { Access } from 'payload'

/** Rows whose `field` points at the caller. A Where, so lists and counts never include other users' rows. */
export const isOwner =
  (field: string): Access =>
  ({ req: { user } }) =>
    user ? { [field]: { equals: user.id } } : false
