import type { CollectionAfterChangeHook } from 'payload'

/** Every user has exactly one profile (profiles.user is unique), created in the user's transaction. */
export const createProfile: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  // overrideAccess: profiles are created by the system, never directly by a caller.
  await req.payload.create({ collection: 'profiles', data: { user: doc.id }, req, overrideAccess: true, depth: 0 })
  return doc
}
